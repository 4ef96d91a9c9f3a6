import { Logger } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import type { BrokerConnection } from './broker-connection';
import { declareTopology, EVENTS_EXCHANGE, type Subscriptions } from './topology';

/** An event ready for the wire: the JSON envelope as text plus what routing and ordering need. */
export interface OutgoingEvent {
  id: string;
  type: string;
  aggregateId: string;
  body: string;
}

/** Header carrying the aggregate id, so consumers can keep per-aggregate order. */
export const AGGREGATE_ID_HEADER = 'x-aggregate-id';

/**
 * Publishes to `pss.events` on a confirm channel: publishAll() resolves only when the broker has
 * confirmed every message (so it is in a durable queue), and rejects on a nack or after the timeout.
 */
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private channel?: ChannelWrapper;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly subscriptions: Subscriptions,
    private readonly publishTimeoutMs = 10_000,
  ) {}

  /** Opens the channel (connecting, declaring the topology); publishAll() does it if needed. */
  open(): ChannelWrapper {
    return (this.channel ??= this.broker.createChannel({
      name: 'event-publisher',
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        await declareTopology(channel, this.subscriptions);
        channel.on('return', (message) =>
          this.logger.warn(`no queue is bound for ${message.fields.routingKey}: event dropped by the broker`),
        );
      },
    }));
  }

  async publishAll(events: readonly OutgoingEvent[]): Promise<void> {
    await Promise.all(
      events.map((event) =>
        this.open().publish(EVENTS_EXCHANGE, event.type, Buffer.from(event.body), {
          persistent: true,
          mandatory: true,
          contentType: 'application/json',
          messageId: event.id,
          type: event.type,
          headers: { [AGGREGATE_ID_HEADER]: event.aggregateId },
          timeout: this.publishTimeoutMs,
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await this.channel?.close();
  }
}
