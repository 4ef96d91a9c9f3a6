// Shared by the integration tests, the consumer child process and the benchmark: a migrated
// database with an effects table, a relay and a consumer wired like a service would wire them.
import { Logger } from '@nestjs/common';
import {
  createIntegrationEvent,
  type BookingCancelledEvent,
  type BookingConfirmedEvent,
} from '@pss/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { BackoffOptions } from '@pss/platform';
import {
  BrokerConnection,
  EventConsumer,
  EventPublisher,
  messagingEntities,
  messagingMigrations,
  OutboxRelay,
  OutboxWriter,
  type BrokerUrl,
  type EventConsumerOptions,
  type OutboxRelayOptions,
  type Subscriptions,
} from '../src';

Logger.overrideLogger(process.env.MESSAGING_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);

/** What a handler did: one row per application, no unique key, so a double apply would show. */
export class CreateAppliedEffects1795600000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE applied_effects (
      id bigserial PRIMARY KEY, event_id uuid NOT NULL, aggregate_id text NOT NULL, seq int NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applied_effects');
  }
}

export async function openDatabase(url: string, { poolSize = 10, migrate = true } = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: messagingEntities,
    migrations: [...messagingMigrations, CreateAppliedEffects1795600000100],
    extra: { max: poolSize },
  });
  await dataSource.initialize();
  if (migrate) await dataSource.runMigrations();
  return dataSource;
}

export const testConsumer = 'search';
export const testSubscriptions: Subscriptions = { [testConsumer]: ['booking.confirmed'] };

/** An event whose aggregate is a booking and whose `remainingSeats` carries its sequence number. */
export function testEvent(aggregateId: string, seq: number): BookingConfirmedEvent {
  return createIntegrationEvent('booking.confirmed', {
    bookingId: aggregateId,
    flightNumber: 'BF101',
    flightDate: '2026-12-01',
    seats: 1,
    remainingSeats: seq,
    inventoryVersion: seq,
  });
}

/** Writes `count` events over `aggregates` aggregates through the outbox, `perTransaction` at a time. */
export async function writeEvents(
  dataSource: DataSource,
  count: number,
  { aggregates = 10, perTransaction = 100, prefix = randomBytes(3).toString('hex') } = {},
): Promise<BookingConfirmedEvent[]> {
  const writer = new OutboxWriter();
  const events = Array.from({ length: count }, (_, i) => testEvent(`${prefix}-${i % aggregates}`, i));
  for (let start = 0; start < count; start += perTransaction) {
    const slice = events.slice(start, start + perTransaction);
    await dataSource.transaction((manager) =>
      writer.writeMany(
        manager,
        slice.map((event) => ({ event, aggregateId: event.payload.bookingId })),
      ),
    );
  }
  return events;
}

export async function recordEffect(
  manager: EntityManager,
  event: BookingConfirmedEvent | BookingCancelledEvent,
): Promise<void> {
  await manager.query('INSERT INTO applied_effects (event_id, aggregate_id, seq) VALUES ($1, $2, $3)', [
    event.id,
    event.payload.bookingId,
    event.payload.remainingSeats,
  ]);
}

export async function effectCounts(dataSource: DataSource): Promise<{ applied: number; distinct: number }> {
  const [row] = await dataSource.query(
    'SELECT count(*)::int AS applied, count(DISTINCT event_id)::int AS distinct FROM applied_effects',
  );
  return row;
}

/**
 * The aggregates whose effects were not applied in the order of their events' sequence numbers
 * (events of one aggregate written in ascending `seq`, as `writeEvents` writes them).
 */
export async function aggregatesOutOfOrder(dataSource: DataSource): Promise<{ aggregate_id: string }[]> {
  return dataSource.query(
    `SELECT aggregate_id FROM (
       SELECT aggregate_id, array_agg(seq ORDER BY id) AS seqs FROM applied_effects GROUP BY aggregate_id
     ) applied WHERE seqs <> (SELECT array_agg(s ORDER BY s) FROM unnest(seqs) AS s)`,
  );
}

/** Outbox events not yet marked sent by a relay. */
export async function unsentCount(dataSource: DataSource): Promise<number> {
  return (await dataSource.query('SELECT count(*)::int AS n FROM outbox_messages WHERE sent_at IS NULL'))[0]
    .n;
}

export interface Messaging {
  broker: BrokerConnection;
  publisher: EventPublisher;
  relay: OutboxRelay;
  consumer: EventConsumer;
  close(): Promise<void>;
}

/** `messaging` recording every event it consumes (recordEffect), its relay and consumer started. */
export function startRecording(messaging: Messaging): void {
  messaging.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
  messaging.relay.start();
  messaging.consumer.start();
}

/** A relay and a consumer on one connection, as MessagingModule wires them (not started). */
export function createMessaging(
  dataSource: DataSource,
  url: BrokerUrl,
  options: {
    /** `testSubscriptions` unless given. */
    subscriptions?: Subscriptions;
    relay?: OutboxRelayOptions;
    consumer?: Partial<EventConsumerOptions>;
    reconnect?: BackoffOptions;
  } = {},
): Messaging {
  const broker = new BrokerConnection({
    url,
    connectionName: 'messaging-test',
    reconnect: options.reconnect,
  });
  const subscriptions = options.subscriptions ?? testSubscriptions;
  const publisher = new EventPublisher(broker, subscriptions);
  const relay = new OutboxRelay(dataSource, broker, publisher, options.relay);
  const consumer = new EventConsumer(dataSource, broker, {
    consumer: testConsumer,
    subscriptions,
    ...options.consumer,
  });
  return {
    broker,
    publisher,
    relay,
    consumer,
    async close() {
      await consumer.stop();
      await relay.stop();
      await publisher.close();
      await broker.close();
    },
  };
}
