import { Logger } from '@nestjs/common';
import {
  parseIntegrationEvent,
  type PssEventOfType,
  type PssEventType,
  type PssIntegrationEvent,
} from '@pss/contracts';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { DataSource } from 'typeorm';
import type { BrokerConnection } from '../broker/broker-connection';
import { AGGREGATE_ID_HEADER } from '../broker/event-publisher';
import { declareTopology, queueFor, type Subscriptions } from '../broker/topology';
import { KeyedSerialQueue } from '../support/keyed-serial-queue';
import type { BackoffOptions } from '../support/backoff';
import { sendToDeadLetterQueue } from './dead-letter';
import { EventApplier, type ApplyResult, type EventHandler } from './event-applier';

export interface EventConsumerOptions {
  /** The consuming service: its queue is `<consumer>.events`, its inbox rows carry this name. */
  consumer: string;
  subscriptions: Subscriptions;
  /** Unacknowledged messages the broker may hand over at once (spread over aggregates). */
  prefetch?: number;
  /** Handler failures before the message goes to the dead-letter queue. */
  maxAttempts?: number;
  retry?: BackoffOptions;
}

export type ProcessOutcome = 'applied' | 'duplicate' | 'dead-lettered';
export interface ProcessedMessage {
  eventId?: string;
  type?: string;
  outcome: ProcessOutcome;
  reason?: string;
}

/**
 * Consumes the service's queue and applies each event exactly once: the inbox row and the handler's
 * effect commit together, and the message is acked only after the commit. Events of one aggregate
 * are applied in arrival order, different aggregates concurrently (up to `prefetch`).
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, EventHandler<PssIntegrationEvent>>();
  private readonly serial = new KeyedSerialQueue();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly listeners: ((processed: ProcessedMessage) => void)[] = [];
  private readonly applier: EventApplier<PssIntegrationEvent>;
  private readonly stopping = new AbortController();
  private channel?: ChannelWrapper;
  private subscription?: { channel: ConfirmChannel; consumerTag: string };

  constructor(
    dataSource: DataSource,
    private readonly broker: BrokerConnection,
    private readonly options: EventConsumerOptions,
  ) {
    this.applier = new EventApplier(dataSource, options.consumer, this.handlers, {
      maxAttempts: options.maxAttempts ?? 5,
      retry: options.retry ?? { initialMs: 100, maxMs: 2_000 },
      signal: this.stopping.signal,
    });
  }

  handle<TType extends PssEventType>(type: TType, handler: EventHandler<PssEventOfType<TType>>): this {
    this.handlers.set(type, handler as EventHandler<PssIntegrationEvent>);
    return this;
  }

  /** Called after each message is settled (acked); for metrics, tests and benchmarks. */
  onProcessed(listener: (processed: ProcessedMessage) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    const missing = this.subscribedTypes().filter((type) => !this.handlers.has(type));
    if (missing.length > 0) throw new Error(`no handler for subscribed events: ${missing.join(', ')}`);
    this.channel ??= this.broker.createChannel({
      name: `${this.options.consumer}-consumer`,
      confirm: true,
      setup: (channel: ConfirmChannel) => this.subscribe(channel),
    });
  }

  /** Stops deliveries, lets events being applied finish, and closes the channel. */
  async stop(): Promise<void> {
    this.stopping.abort();
    const subscription = this.subscription;
    await subscription?.channel.cancel(subscription.consumerTag).catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.channel?.close();
  }

  private subscribedTypes(): readonly string[] {
    return this.options.subscriptions[this.options.consumer] ?? [];
  }

  private async subscribe(channel: ConfirmChannel): Promise<void> {
    if (this.stopping.signal.aborted) return;
    await declareTopology(channel, this.options.subscriptions);
    await channel.prefetch(this.options.prefetch ?? 100);
    const { consumerTag } = await channel.consume(queueFor(this.options.consumer), (message) => {
      if (message) this.receive(channel, message);
    });
    this.subscription = { channel, consumerTag };
  }

  private receive(channel: ConfirmChannel, message: ConsumeMessage): void {
    const key = String(message.properties.headers?.[AGGREGATE_ID_HEADER] ?? message.properties.messageId);
    const task = this.serial
      .run(key, () => this.process(channel, message))
      .catch((error: Error) => this.logger.error(`message left for redelivery: ${error.message}`));
    this.inFlight.add(task);
    task.finally(() => this.inFlight.delete(task));
  }

  private async process(channel: ConfirmChannel, message: ConsumeMessage): Promise<void> {
    let event: PssIntegrationEvent;
    try {
      event = parseIntegrationEvent(JSON.parse(message.content.toString('utf8')));
    } catch (error) {
      return this.deadLetter(channel, message, {
        failure: `malformed: ${(error as Error).message}`,
        attempts: 0,
      });
    }
    const result = await this.applier.apply(event);
    if (result === 'abandoned') return; // stopping: not acked, so the broker redelivers it
    if (typeof result === 'object') return this.deadLetter(channel, message, result, event);
    this.settle(channel, message, { eventId: event.id, type: event.type, outcome: result });
  }

  private async deadLetter(
    channel: ConfirmChannel,
    message: ConsumeMessage,
    { failure, attempts }: Extract<ApplyResult, object>,
    event?: PssIntegrationEvent,
  ): Promise<void> {
    const { consumer } = this.options;
    this.logger.error(
      `dead-lettering ${event?.id ?? message.properties.messageId} after ${attempts} attempts: ${failure}`,
    );
    try {
      await sendToDeadLetterQueue(channel, message, consumer, failure, attempts);
    } catch (error) {
      this.logger.error(`could not dead-letter, requeueing: ${(error as Error).message}`);
      return ignoreClosedChannel(() => channel.nack(message, false, true));
    }
    this.settle(channel, message, {
      eventId: event?.id,
      type: event?.type,
      outcome: 'dead-lettered',
      reason: failure,
    });
  }

  private settle(channel: ConfirmChannel, message: ConsumeMessage, processed: ProcessedMessage): void {
    // If the channel died meanwhile the broker redelivers the message, and the inbox skips it.
    ignoreClosedChannel(() => channel.ack(message));
    for (const listener of this.listeners) listener(processed);
  }
}

function ignoreClosedChannel(operation: () => void): void {
  try {
    operation();
  } catch {
    // IllegalOperationError: channel closed.
  }
}
