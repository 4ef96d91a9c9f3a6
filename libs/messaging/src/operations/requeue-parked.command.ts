import { ServiceCommand } from '@pss/platform';
import type { DataSource } from 'typeorm';

/**
 * `node main.js outbox:requeue [id…]`: parked outbox events (all, or those ids) go back to the
 * relay with their attempts reset, once what refused them is fixed.
 */
export class RequeueParkedCommand extends ServiceCommand {
  readonly name = 'outbox:requeue';

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(ids: string[]): Promise<string> {
    if (ids.some((id) => !/^\d+$/.test(id))) throw new Error('outbox:requeue takes outbox row ids (numbers)');
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_messages SET parked_at = NULL, attempts = 0, last_error = NULL
        WHERE parked_at IS NOT NULL AND sent_at IS NULL AND (cardinality($1::bigint[]) = 0 OR id = ANY($1))
        RETURNING id`,
      [ids],
    )) as [{ id: string }[], number];
    return `requeued ${rows.length} parked outbox events${rows.length > 0 ? ` (${rows.map((row) => row.id).join(', ')})` : ''}`;
  }
}
