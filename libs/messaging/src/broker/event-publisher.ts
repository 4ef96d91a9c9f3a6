import { Logger } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, Message } from 'amqplib';
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
 * A message of a type some service consumes that no queue took (its consumers' queues deleted or
 * unbound by an operator) is a failed publish too: the broker confirms it after handing it back, so
 * confirmation alone would count it sent. The channel then declares the topology again, for the
 * retry to land. A message that some of its consumers' queues took is not handed back: a consumer
 * whose queue was missing meanwhile misses it (the broker tells the publisher nothing).
 */
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly consumedTypes: ReadonlySet<string>;
  /** Ids of the messages handed back since they were published, until publishAll() sees them. */
  private readonly returned = new Set<string>();
  private redeclaring?: Promise<void>;
  private channel?: ChannelWrapper;

  constructor(
    private readonly broker: BrokerConnection,
    private readonly subscriptions: Subscriptions,
    private readonly publishTimeoutMs = 10_000,
  ) {
    this.consumedTypes = new Set(Object.values(subscriptions).flat());
  }

  /** Opens the channel (connecting, declaring the topology); publishAll() does it if needed. */
  open(): ChannelWrapper {
    return (this.channel ??= this.broker.createChannel({
      name: 'event-publisher',
      confirm: true,
      setup: async (channel: ConfirmChannel) => {
        await declareTopology(channel, this.subscriptions);
        channel.on('return', (message) => this.onReturn(channel, message));
      },
    }));
  }

  /**
   * Publishes an aggregate's events one after another, each once the broker has confirmed the one
   * before it (different aggregates' go side by side): were a later one on its way when an earlier
   * one fails (a nack, a timeout, handed back), the broker could take it, and the retry would bring
   * the earlier one after it. After a failure no further event is sent.
   */
  async publishAll(events: readonly OutgoingEvent[]): Promise<void> {
    let failed = false;
    await Promise.all(
      [...Map.groupBy(events, (event) => event.aggregateId).values()].map(async (aggregateEvents) => {
        for (const event of aggregateEvents) {
          if (failed) return;
          await this.publish(event).catch((error: Error) => {
            failed = true;
            throw error;
          });
        }
      }),
    );
  }

  private async publish(event: OutgoingEvent): Promise<void> {
    try {
      await this.open().publish(EVENTS_EXCHANGE, event.type, Buffer.from(event.body), {
        persistent: true,
        mandatory: true,
        contentType: 'application/json',
        messageId: event.id,
        type: event.type,
        headers: { [AGGREGATE_ID_HEADER]: event.aggregateId },
        timeout: this.publishTimeoutMs,
      });
    } catch (error) {
      this.returned.delete(event.id);
      throw error;
    }
    // The broker hands a message back before it confirms it.
    if (this.returned.delete(event.id))
      throw new Error(`no queue took ${event.type} ${event.id}: its consumers' queues are missing`);
  }

  private onReturn(channel: ConfirmChannel, message: Message): void {
    const type = message.fields.routingKey;
    if (!this.consumedTypes.has(type)) {
      this.logger.warn(`no service consumes ${type}: event dropped by the broker`);
      return;
    }
    this.returned.add(String(message.properties.messageId));
    this.redeclaring ??= declareTopology(channel, this.subscriptions)
      .then(() => this.logger.warn(`no queue took a ${type} event: declared the topology again`))
      .catch((error: Error) => this.logger.warn(`could not declare the topology again: ${error.message}`))
      .finally(() => (this.redeclaring = undefined));
  }

  /** Closes the channel; open() (a relay started again) makes a new one. */
  async close(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    await this.broker.whileClosing('closing the publisher channel', channel?.close());
  }
}
