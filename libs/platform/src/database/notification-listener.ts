import { Logger } from '@nestjs/common';
import type { ClientBase, Notification } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

export interface NotificationHandlers {
  /** A NOTIFY on the channel, delivered when the notifying transaction committed. */
  onNotify(payload: string): void;
  /** The listening connection was lost: notifications sent meanwhile were missed. */
  onLost?(error: Error): void;
}

/**
 * Holds one pooled connection that LISTENs on a PostgreSQL channel. `ensureListening()` subscribes
 * (again, after a loss); callers decide how often to try and what a missed notification means.
 */
export class NotificationListener {
  private readonly logger = new Logger(NotificationListener.name);
  private current?: { queryRunner: QueryRunner; client: ClientBase };
  private readonly deliver = (message: Notification) => {
    if (message.channel === this.channel) this.handlers.onNotify(message.payload ?? '');
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
  ) {}

  get listening(): boolean {
    return this.current !== undefined;
  }

  /** Resolves true once listening; false (and logged) if the database cannot be reached now. */
  async ensureListening(): Promise<boolean> {
    if (this.current) return true;
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      // For PostgreSQL, connect() resolves to the pool's pg client, which emits the notifications.
      const client: ClientBase = await queryRunner.connect();
      const current = { queryRunner, client };
      client.on('notification', this.deliver);
      client.once('error', (error: Error) => this.drop(current, error));
      await queryRunner.query(`LISTEN ${this.channel}`);
      this.current = current;
      return true;
    } catch (error) {
      await queryRunner.release().catch(() => undefined);
      this.logger.warn(`cannot LISTEN on ${this.channel}: ${(error as Error).message}`);
      return false;
    }
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    await current.queryRunner.query(`UNLISTEN ${this.channel}`).catch(() => undefined);
    current.client.removeListener('notification', this.deliver);
    await current.queryRunner.release();
  }

  private drop(current: NonNullable<NotificationListener['current']>, error: Error): void {
    this.logger.warn(`LISTEN connection for ${this.channel} lost: ${error.message}`);
    if (this.current === current) this.current = undefined;
    current.client.removeListener('notification', this.deliver);
    current.queryRunner.release().catch(() => undefined);
    this.handlers.onLost?.(error);
  }
}
