import type { Channel } from 'amqplib';

/** The durable topic exchange every integration event is published to; routing key = event type. */
export const EVENTS_EXCHANGE = 'pss.events';
/** Where a consumer's messages go when they keep failing; routing key = consumer service name. */
export const DEAD_LETTER_EXCHANGE = 'pss.events.dlx';
/**
 * Broker-side backstop for a message that crashes its consumer again and again (so it can never
 * be dead-lettered by the consumer itself): the quorum queue dead-letters it after this many
 * deliveries. Ordinary handler failures are retried and dead-lettered by the consumer, with reason.
 */
export const DELIVERY_LIMIT = 20;

/**
 * The consuming queues' arguments. Dead-lettering is at-least-once: the broker keeps a message until
 * the dead-letter queue has confirmed it (at-most-once, the default, loses it if that fails), which
 * RabbitMQ allows only with `reject-publish` overflow.
 */
export const consumingQueueArguments = (service: string) => ({
  'x-queue-type': 'quorum',
  'x-delivery-limit': DELIVERY_LIMIT,
  'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
  'x-dead-letter-routing-key': service,
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
});

/** Consuming service name -> the routing keys (event types) its queue is bound to. */
export type Subscriptions = Readonly<Record<string, readonly string[]>>;

export const queueFor = (service: string): string => `${service}.events`;
export const deadLetterQueueFor = (service: string): string => `${service}.events.dlq`;

/**
 * Declares the whole topology (idempotent): both exchanges, and for every consuming service its
 * quorum queue with bindings and its dead-letter queue. Every service declares all subscriptions,
 * so events are queued even for a consumer that has never started yet.
 */
export async function declareTopology(channel: Channel, subscriptions: Subscriptions): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  for (const [service, routingKeys] of Object.entries(subscriptions)) {
    await channel.assertQueue(queueFor(service), {
      durable: true,
      arguments: consumingQueueArguments(service),
    });
    await channel.assertQueue(deadLetterQueueFor(service), {
      durable: true,
      arguments: { 'x-queue-type': 'quorum' },
    });
    await channel.bindQueue(deadLetterQueueFor(service), DEAD_LETTER_EXCHANGE, service);
    for (const routingKey of routingKeys) {
      await channel.bindQueue(queueFor(service), EVENTS_EXCHANGE, routingKey);
    }
  }
}
