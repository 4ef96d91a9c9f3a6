import { Logger } from '@nestjs/common';
import {
  AmqpConnectionManagerClass,
  type ChannelWrapper,
  type CreateChannelOpts,
} from 'amqp-connection-manager';
import { backoffDelay, sleep, type BackoffOptions } from '@pss/platform';

/** A broker URL, or a function asked before every connection attempt (e.g. a test broker's port). */
export type BrokerUrl = string | (() => string | Promise<string>);

export interface BrokerConnectionOptions {
  url: BrokerUrl;
  /** Shown in the management UI (the service name). */
  connectionName?: string;
  heartbeatSeconds?: number;
  reconnect?: BackoffOptions;
  /** How long one connection attempt (TCP and the AMQP handshake) may take. */
  connectTimeoutMs?: number;
  /** How long a stopping service waits for each of the broker's answers (see whileClosing). */
  closeAnswerMs?: number;
}

const CONNECT_TIMEOUT_MS = 10_000;
const CLOSE_ANSWER_MS = 500;

/**
 * One AMQP connection per process (amqp-connection-manager over amqplib) that reconnects with
 * exponential backoff while the broker is away; channels made from it re-run their setup (topology,
 * consumers) after every reconnect.
 */
export class BrokerConnection {
  private readonly logger = new Logger(BrokerConnection.name);
  private readonly manager: AmqpConnectionManagerClass;
  private readonly closing = new AbortController();
  private failures = 0;
  private started = false;

  constructor(private readonly options: BrokerConnectionOptions) {
    this.manager = new AmqpConnectionManagerClass(null, {
      findServers: () => this.nextUrl(),
      heartbeatIntervalInSeconds: options.heartbeatSeconds ?? 5,
      // The manager's own fixed pause; the backoff happens in nextUrl().
      reconnectTimeInSeconds: 0.05,
      connectionOptions: {
        // amqplib leaves Nagle on: a lone publish or ack then waits for the peer's delayed ACK (~40 ms).
        noDelay: true,
        // amqplib waits for the handshake without limit: an attempt the broker never answers would
        // leave the service unready for good instead of failing and being tried again.
        timeout: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
        clientProperties: { connection_name: options.connectionName },
      },
    });
    this.manager.on('connect', () => {
      if (this.failures > 0)
        this.logger.log(`connected to the broker after ${this.failures} failed attempts`);
      this.failures = 0;
    });
    this.manager.on('connectFailed', ({ err }) => {
      this.failures += 1;
      this.logger.warn(`broker unreachable (attempt ${this.failures}): ${err.message}`);
    });
    this.manager.on('disconnect', ({ err }) =>
      this.logger.warn(`lost the broker connection: ${err?.message ?? 'closed'}`),
    );
  }

  /** Starts connecting (once; channels do it too). Nothing connects before, so a service whose
   * start-up fails leaves no connection behind. */
  connect(): void {
    if (this.started) return;
    this.started = true;
    this.manager.connect().catch(() => undefined);
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  /** Resolves once connected; rejects after `timeoutMs`. Retries go on in the background. */
  async waitForConnection(timeoutMs: number): Promise<void> {
    if (this.isConnected()) return;
    this.connect();
    await this.manager.connect({ timeout: timeoutMs });
  }

  /** A channel that re-runs `setup` after every reconnect; its errors are logged, not thrown. */
  createChannel(options: CreateChannelOpts): ChannelWrapper {
    this.connect();
    const channel = this.manager.createChannel(options);
    channel.on('error', (error: Error) => this.logger.error(`channel ${options.name}: ${error.message}`));
    return channel;
  }

  onConnect(listener: () => void): void {
    this.manager.on('connect', listener);
  }

  /**
   * Closes the connection. An attempt still waiting for the broker's answer is not waited for (it
   * could take the whole connect timeout, past the service's shutdown deadline): it is dropped
   * with the process.
   */
  async close(): Promise<void> {
    this.closing.abort();
    const closed = this.manager.close();
    if (this.isConnected()) await this.whileClosing('closing the connection', closed);
    else closed.catch(() => undefined);
  }

  /**
   * Waits at most `closeAnswerMs` for `exchange`, a step of stopping that needs the broker's
   * answer (a cancel, a channel's or the connection's close, a batch's confirms; five at most, 2.5 s
   * in all by default); says whether it settled. A broker that answers nothing (frozen, or its
   * network path dropping every packet) would otherwise hold a stopping service until the
   * heartbeat gives up, past the engine's kill. Going on without its answer loses nothing: the
   * broker requeues unacknowledged deliveries when the connection drops, and an outbox row counts
   * as sent only once the broker confirmed it.
   */
  async whileClosing(step: string, exchange: Promise<unknown> | undefined): Promise<boolean> {
    if (!exchange) return true;
    const waitMs = this.options.closeAnswerMs ?? CLOSE_ANSWER_MS;
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      exchange.then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      }),
    ]);
    clearTimeout(timer);
    if (!settled) this.logger.warn(`${step}: the broker did not answer within ${waitMs} ms; going on`);
    return settled;
  }

  private async nextUrl(): Promise<string> {
    if (this.failures > 0) {
      await sleep(backoffDelay(this.failures, this.reconnectBackoff()), this.closing.signal);
    }
    const { url } = this.options;
    return typeof url === 'string' ? url : url();
  }

  private reconnectBackoff(): BackoffOptions {
    return this.options.reconnect ?? { initialMs: 250, maxMs: 10_000 };
  }
}
