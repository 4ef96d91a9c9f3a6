import type { OnModuleInit } from '@nestjs/common';
import type { PssEventOfType, PssEventType } from '@pss/contracts';
import { Counter, type Registry } from 'prom-client';
import type { EntityManager } from 'typeorm';
import type { EventConsumer } from './event-consumer';

export interface ProjectionSpec<TType extends PssEventType> {
  /** The events it follows: one handler for all of them. */
  events: readonly TType[];
  /** A counter of the events applied, labelled by what each did (`outcome`). */
  metric: { name: string; help: string };
}

/**
 * A service's read model of another service's events: `apply` runs each event in the inbox's
 * transaction and says what it did, and the outcomes are counted on /metrics, so that events that
 * changed nothing (stale, unknown) are visible to an operator.
 */
export abstract class Projection<
  TType extends PssEventType,
  TOutcome extends string,
> implements OnModuleInit {
  private readonly outcomes: Counter<'outcome'>;

  protected constructor(
    private readonly consumer: EventConsumer,
    registry: Registry,
    private readonly spec: ProjectionSpec<TType>,
  ) {
    this.outcomes = new Counter({ ...spec.metric, labelNames: ['outcome'], registers: [registry] });
  }

  onModuleInit(): void {
    for (const type of this.spec.events)
      this.consumer.handle(type, async (event, manager) => {
        const outcome = await this.apply(event, manager);
        for (const each of typeof outcome === 'string' ? [outcome] : outcome)
          this.outcomes.inc({ outcome: each });
      });
  }

  /** What the event did; an event of many items (`flight.bulk-scheduled`) says it for each. */
  abstract apply(
    event: PssEventOfType<TType>,
    manager: EntityManager,
  ): Promise<TOutcome | readonly TOutcome[]>;
}

/** What following one item did, and what it has to tell others (if anything). */
export interface Followed<TOutcome, TNews> {
  outcome: TOutcome;
  news?: TNews;
}

/**
 * Follows each item of a bulk event in turn (in the event's transaction): every item's outcome, and
 * the news of those that have some, for the caller to announce together in one bulk event.
 */
export async function followEach<TItem, TOutcome, TNews>(
  items: readonly TItem[],
  follow: (item: TItem) => Promise<Followed<TOutcome, TNews>>,
): Promise<{ outcomes: TOutcome[]; news: TNews[] }> {
  const outcomes: TOutcome[] = [];
  const news: TNews[] = [];
  for (const item of items) {
    const followed = await follow(item);
    outcomes.push(followed.outcome);
    if (followed.news !== undefined) news.push(followed.news);
  }
  return { outcomes, news };
}
