import { Logger } from '@nestjs/common';
import type { PssEventOfType, PssEventType, PssIntegrationEvent } from '@pss/contracts';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import type { DataSource } from 'typeorm';
import type { BrokerConnection } from '../broker/broker-connection';
import { AGGREGATE_ID_HEADER } from '../broker/event-publisher';
import { declareTopology, queueFor, type Subscriptions } from '../broker/topology';
import type { BackoffOptions } from '@pss/platform';
import { Acknowledger } from './acknowledger';
import { DeliveryLanes } from './delivery-lanes';
import { DeliveryProcessor, type Delivery, type ProcessedMessage } from './delivery-processor';
import { EventApplier, type EventHandler } from './event-applier';
import { pruneInbox } from './inbox-pruning';

/** Unacknowledged messages a consumer holds at most, unless its options say otherwise. */
export const DEFAULT_PREFETCH = 100;
/** Transactions applying events at the same time, unless its options say otherwise. */
export const DEFAULT_CONCURRENCY = 4;

export interface EventConsumerOptions {
  /** The consuming service: its queue is `<consumer>.events`, its inbox rows carry this name. */
  consumer: string;
  subscriptions: Subscriptions;
  /**
   * Unacknowledged messages the broker may hand over at once (100: 25 per lane). Each one goes back
   * to the queue, one delivery closer to the delivery limit, if the process dies holding it.
   */
  prefetch?: number;
  /** Transactions applying events at the same time (aggregates are spread over them). */
  concurrency?: number;
  /**
   * Most events applied in one transaction (25: a lane's share of the prefetch). A crash loses the
   * batches in flight, so a batch must take less time than a consumer is likely to live.
   */
  maxBatch?: number;
  /** Handler failures before the message goes to the dead-letter queue. */
  maxAttempts?: number;
  retry?: BackoffOptions;
  /**
   * How long inbox rows are kept (14 days): longer than any duplicate can take to arrive, a
   * dead-lettered event replayed by an operator included.
   */
  inboxRetentionMs?: number;
}

const PRUNE_EVERY_MS = 3600_000;

/**
 * Consumes the service's queue and applies each event exactly once: the inbox row and the handler's
 * effect commit together, and the message is acked only after the commit. Events of one aggregate
 * are applied in arrival order; different aggregates concurrently.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, EventHandler<PssIntegrationEvent>>();
  private readonly listeners: ((processed: ProcessedMessage) => void)[] = [];
  private readonly stopping = new AbortController();
  private readonly lanes: DeliveryLanes<Delivery>;
  private channel?: ChannelWrapper;
  private subscription?: { channel: ConfirmChannel; consumerTag: string };
  private pruning?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: BrokerConnection,
    private readonly options: EventConsumerOptions,
  ) {
    const applier = new EventApplier(dataSource, options.consumer, this.handlers, {
      maxAttempts: options.maxAttempts ?? 5,
      retry: options.retry ?? { initialMs: 100, maxMs: 2_000 },
      signal: this.stopping.signal,
    });
    const processor = new DeliveryProcessor(options.consumer, applier, (processed) =>
      this.listeners.forEach((listener) => listener(processed)),
    );
    this.lanes = new DeliveryLanes(
      options.concurrency ?? DEFAULT_CONCURRENCY,
      options.maxBatch ?? 25,
      (batch) => processor.process(batch),
      this.stopping.signal,
    );
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
    const subscribed = this.options.subscriptions[this.options.consumer] ?? [];
    const missing = subscribed.filter((type) => !this.handlers.has(type));
    if (missing.length > 0) throw new Error(`no handler for subscribed events: ${missing.join(', ')}`);
    this.channel ??= this.broker.createChannel({
      name: `${this.options.consumer}-consumer`,
      confirm: true,
      setup: (channel: ConfirmChannel) => this.subscribe(channel),
    });
    this.pruning ??= setInterval(
      () => void this.pruneInbox().catch((error) => this.logger.warn(`inbox not pruned: ${error.message}`)),
      PRUNE_EVERY_MS,
    ).unref();
  }

  /** Deletes this consumer's inbox rows older than the retention; returns how many went. */
  pruneInbox(): Promise<number> {
    return pruneInbox(
      this.dataSource,
      this.options.consumer,
      this.options.inboxRetentionMs ?? 14 * 24 * 3600_000,
    );
  }

  /** Stops deliveries, lets the batches being applied finish, and closes the channel. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearInterval(this.pruning);
    const subscription = this.subscription;
    await this.broker.whileClosing(
      'cancelling the subscription',
      subscription?.channel.cancel(subscription.consumerTag),
    );
    await this.lanes.idle();
    await this.broker.whileClosing('closing the consumer channel', this.channel?.close());
  }

  private async subscribe(channel: ConfirmChannel): Promise<void> {
    if (this.stopping.signal.aborted) return;
    await declareTopology(channel, this.options.subscriptions);
    await channel.prefetch(this.options.prefetch ?? DEFAULT_PREFETCH);
    await this.consume(channel, new Acknowledger(channel));
  }

  private async consume(channel: ConfirmChannel, acks: Acknowledger): Promise<void> {
    const { consumerTag } = await channel.consume(queueFor(this.options.consumer), (message) => {
      if (!message) return void this.resubscribe(channel, acks);
      acks.track(message);
      const key = message.properties.headers?.[AGGREGATE_ID_HEADER] ?? message.properties.messageId;
      this.lanes.push(String(key), { channel, acks, message });
    });
    this.subscription = { channel, consumerTag };
  }

  /**
   * The broker ended the subscription (its queue was deleted): the connection and channel are
   * fine, so nothing would start it again. The queue is declared anew and consumed.
   */
  private async resubscribe(channel: ConfirmChannel, acks: Acknowledger): Promise<void> {
    if (this.stopping.signal.aborted) return;
    const queue = queueFor(this.options.consumer);
    this.logger.warn(`the broker cancelled the consumer of ${queue} (queue deleted?): declaring it again`);
    try {
      await declareTopology(channel, this.options.subscriptions);
      await this.consume(channel, acks);
    } catch (error) {
      // A closed channel is subscribed again by its next setup, when the connection comes back.
      this.logger.error(`could not consume ${queue} again: ${(error as Error).message}`);
    }
  }
}
