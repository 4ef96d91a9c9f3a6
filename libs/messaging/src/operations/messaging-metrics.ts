import { registerCountedGauge } from '@pss/platform';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { BrokerConnection } from '../broker/broker-connection';
import { deadLetterQueueFor, declareTopology, type Subscriptions } from '../broker/topology';

/**
 * The outbox on /metrics, counted at each scrape: events waiting for the relay, and parked ones
 * (while the database is away, each keeps its last count).
 */
export function registerOutboxMetrics(registry: Registry, dataSource: DataSource): void {
  const count = async (where: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE ${where}`))[0].n;
  registerCountedGauge(registry, {
    name: 'messaging_outbox_unsent_events',
    help: 'Outbox events committed and not yet published (parked ones included)',
    count: () => count('sent_at IS NULL'),
  });
  registerCountedGauge(registry, {
    name: 'messaging_outbox_parked_events',
    help: 'Outbox events parked after failing to publish alone; `node main.js outbox:requeue` sends them again',
    count: () => count('sent_at IS NULL AND parked_at IS NOT NULL'),
  });
}

/**
 * The service's dead-letter queue depth on /metrics, asked of the broker at each scrape. While the
 * broker is away the gauge keeps its last value (a scrape never fails for it).
 */
export function registerDeadLetterMetrics(
  registry: Registry,
  broker: BrokerConnection,
  service: string,
  subscriptions: Subscriptions,
): void {
  let channel: ReturnType<BrokerConnection['createChannel']> | undefined;
  registerCountedGauge(registry, {
    name: 'messaging_dead_letter_queue_events',
    help: 'Events in the dead-letter queue, waiting for `node main.js dlq:replay` once their cause is fixed',
    async count() {
      channel ??= broker.createChannel({
        name: 'metrics',
        setup: (setupChannel: Parameters<typeof declareTopology>[0]) =>
          declareTopology(setupChannel, subscriptions),
      });
      return (await channel.checkQueue(deadLetterQueueFor(service))).messageCount;
    },
  });
}
