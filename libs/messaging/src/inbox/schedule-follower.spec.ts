import { createIntegrationEvent, type ScheduledFlightState } from '@pss/contracts';
import { Registry } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventConsumer } from './event-consumer';
import type { Followed } from './projection';
import { ScheduleFollower, type SnapshotCatchUp } from './schedule-follower';

const flight = (flightNumber: string, flightDate = '2026-12-01'): ScheduledFlightState => ({
  flightNumber,
  flightDate,
  origin: 'SEA',
  destination: 'SFO',
  departsAt: '2026-12-01T16:00:00Z',
  arrivesAt: '2026-12-01T18:00:00Z',
  capacity: 100,
  scheduleVersion: 1,
});
const manager = {} as EntityManager;

/** Follows a flight whose number ends in 1 as news (`BF101`), any other as known. */
class Follower extends ScheduleFollower<
  'flight.scheduled' | 'flight.bulk-scheduled',
  'new' | 'known',
  string
> {
  readonly followed: string[][] = [];
  readonly announced: { news: string[]; bulk: boolean }[] = [];

  constructor(
    consumer: EventConsumer,
    readonly registry: Registry,
    catchUp: SnapshotCatchUp,
  ) {
    super(
      consumer,
      registry,
      { catchUp, dataSource: {} as DataSource },
      {
        events: ['flight.scheduled', 'flight.bulk-scheduled'],
        metric: { name: 'followed_total', help: 'h' },
      },
    );
  }

  protected async follow(
    flights: readonly ScheduledFlightState[],
  ): Promise<Followed<'new' | 'known', string>[]> {
    this.followed.push(flights.map((each) => each.flightNumber));
    return flights.map(({ flightNumber }) =>
      flightNumber.endsWith('1') ? { outcome: 'new', news: flightNumber } : { outcome: 'known' },
    );
  }

  protected override async announce(news: string[], _manager: EntityManager, bulk: boolean): Promise<void> {
    this.announced.push({ news, bulk });
  }
}

describe('ScheduleFollower', () => {
  const setUp = () => {
    const handlers = new Map<string, (event: unknown, manager: EntityManager) => Promise<unknown>>();
    const consumer = { handle: (type: string, handler: never) => handlers.set(type, handler) };
    let snapshotPage:
      ((items: ScheduledFlightState[], manager: EntityManager) => Promise<unknown>) | undefined;
    const catchUp: SnapshotCatchUp = {
      followSnapshot: (_owners, _source, _dataSource, applyPage) => {
        snapshotPage = applyPage as typeof snapshotPage;
      },
    };
    const follower = new Follower(consumer as unknown as EventConsumer, new Registry(), catchUp);
    follower.onModuleInit();
    const deliver = async (event: unknown) => {
      const afterCommit = await handlers.get((event as { type: string }).type)?.(event, manager);
      (afterCommit as () => void)();
    };
    return { follower, deliver, snapshotPage: () => snapshotPage };
  };

  it("follows a bulk load's day in one call and announces its news in one bulk announcement", async () => {
    const { follower, deliver } = setUp();
    const flights = ['BF101', 'BF102', 'BF111'].map((number) => flight(number));
    await deliver(createIntegrationEvent('flight.bulk-scheduled', { flights }));
    expect(follower.followed).toEqual([['BF101', 'BF102', 'BF111']]);
    expect(follower.announced).toEqual([{ news: ['BF101', 'BF111'], bulk: true }]);
    const counted = await follower.registry.getSingleMetric('followed_total')?.get();
    expect(counted?.values.map(({ labels, value }) => [labels.outcome, value])).toEqual([
      ['new', 2],
      ['known', 1],
    ]);
  });

  it("announces one flight's news on its own, and nothing when there is none", async () => {
    const { follower, deliver } = setUp();
    await deliver(createIntegrationEvent('flight.scheduled', flight('BF101')));
    await deliver(createIntegrationEvent('flight.scheduled', flight('BF102')));
    expect(follower.followed).toEqual([['BF101'], ['BF102']]);
    expect(follower.announced).toEqual([{ news: ['BF101'], bulk: false }]);
  });

  it("catches up from a page of the schedule's snapshot a day at a time, as a bulk load's days", async () => {
    const { follower, snapshotPage } = setUp();
    const page = [
      flight('BF101', '2026-12-01'),
      flight('BF102', '2026-12-01'),
      flight('BF101', '2026-12-02'),
      flight('BF102', '2026-12-02'),
    ];
    await snapshotPage()?.(page, manager);
    expect(follower.followed).toEqual([
      ['BF101', 'BF102'],
      ['BF101', 'BF102'],
    ]);
    expect(follower.announced).toEqual([
      { news: ['BF101'], bulk: true },
      { news: ['BF101'], bulk: true },
    ]);
  });
});
