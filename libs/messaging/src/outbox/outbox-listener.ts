import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

export const OUTBOX_CHANNEL = 'outbox_messages';

/**
 * Holds one connection LISTENing for the outbox trigger's NOTIFY, for low latency. Best effort: if
 * the connection is lost the relay still polls, and ensureListening() subscribes again.
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private listening?: { queryRunner: QueryRunner; client: ClientBase };

  constructor(
    private readonly dataSource: DataSource,
    private readonly onNotify: () => void,
  ) {}

  async ensureListening(): Promise<void> {
    if (this.listening) return;
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      // For PostgreSQL, connect() resolves to the pool's pg client, which emits the notifications.
      const client: ClientBase = await queryRunner.connect();
      const listening = { queryRunner, client };
      client.on('notification', this.onNotify);
      client.once('error', (error: Error) => this.drop(listening, error));
      await queryRunner.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listening = listening;
    } catch (error) {
      await queryRunner.release().catch(() => undefined);
      this.logger.warn(`cannot LISTEN for outbox writes, polling only: ${(error as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    const listening = this.listening;
    this.listening = undefined;
    if (!listening) return;
    await listening.queryRunner.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => undefined);
    listening.client.removeListener('notification', this.onNotify);
    await listening.queryRunner.release();
  }

  private drop(listening: NonNullable<OutboxListener['listening']>, error: Error): void {
    this.logger.warn(`outbox LISTEN connection lost: ${error.message}`);
    if (this.listening === listening) this.listening = undefined;
    listening.client.removeListener('notification', this.onNotify);
    listening.queryRunner.release().catch(() => undefined);
  }
}
