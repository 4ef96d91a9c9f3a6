import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const WRITTEN = 'pss.outboxWritten';
const commitsOf = new WeakMap<DataSource, OutboxCommits>();

/**
 * Tells the relay of this process that outbox rows were committed. A NOTIFY from the database would
 * tell every process, but PostgreSQL lets one notifying transaction commit at a time (it holds a
 * lock on the database through the commit's WAL flush): under load every booking waited in that
 * line, and journeys ran at about two thirds of what they do without it. A writer marks its
 * transaction; when that commits, the relay is woken. Rows written by another process (an
 * operator's command, another instance) wait for the relay's poll.
 */
export class OutboxCommits implements EntitySubscriberInterface {
  private readonly listeners: (() => void)[] = [];

  private constructor(dataSource: DataSource) {
    // Subscribers listed before initialize() are replaced by the options' own.
    if (!dataSource.isInitialized) throw new Error('OutboxCommits needs an initialized DataSource');
    dataSource.subscribers.push(this);
  }

  /** The one of `dataSource`, which its writers and its relay share. */
  static of(dataSource: DataSource): OutboxCommits {
    let commits = commitsOf.get(dataSource);
    if (!commits) commitsOf.set(dataSource, (commits = new OutboxCommits(dataSource)));
    return commits;
  }

  onCommit(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Outbox rows were written with `manager`: heard of when its transaction commits, or at once outside one. */
  written(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) runner.data[WRITTEN] = true;
    else this.committed();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Still active: a savepoint was released, the transaction goes on.
    if (queryRunner.isTransactionActive || !queryRunner.data[WRITTEN]) return;
    delete queryRunner.data[WRITTEN];
    this.committed();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) delete queryRunner.data[WRITTEN];
  }

  private committed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * After a statement of the caller's own wrote outbox rows (`outboxInsertSql`): the relay hears of
 * them once they are committed. OutboxWriter does it itself.
 */
export function outboxWritten(manager: EntityManager): void {
  OutboxCommits.of(manager.connection).written(manager);
}
