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
 * transaction and says what it did, and the outcomes are counted on /metrics once it committed, so
 * that events that changed nothing (stale, unknown) are visible to an operator.
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
        const counts = new Map<TOutcome, number>();
        for (const each of typeof outcome === 'string' ? [outcome] : outcome)
          counts.set(each, (counts.get(each) ?? 0) + 1);
        return () => {
          for (const [each, count] of counts) this.outcomes.inc({ outcome: each }, count);
        };
      });
  }

  /** What the event did; an event of many items (`flight.bulk-scheduled`) says it for each. */
  abstract apply(
    event: PssEventOfType<TType>,
    manager: EntityManager,
  ): Promise<TOutcome | readonly TOutcome[]>;
}

/** What following one item of an event did, and what it has to tell others (if anything). */
export interface Followed<TOutcome, TNews> {
  outcome: TOutcome;
  news?: TNews;
}

/** The news of the items that have some, in order: for the follower to announce in one event. */
export function newsOf<TNews>(followed: readonly Followed<unknown, TNews>[]): TNews[] {
  return followed.flatMap(({ news }) => (news === undefined ? [] : [news]));
}
