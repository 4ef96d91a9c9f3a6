// A relay in a process of its own, for the relay-failure test: with DIE_AFTER_CONFIRM=1 it kills
// itself the moment the broker has confirmed its first batch, before the batch is marked sent.
import { BrokerConnection, EventPublisher, OutboxRelay, type OutgoingEvent } from '../src';
import { openDatabase, testSubscriptions } from './harness';

class PublisherThatDiesAfterConfirm extends EventPublisher {
  override async publishAll(events: readonly OutgoingEvent[]): Promise<void> {
    await super.publishAll(events);
    process.stdout.write(`confirmed ${events.length}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}

async function main(): Promise<void> {
  const { DATABASE_URL, RABBITMQ_URL, DIE_AFTER_CONFIRM } = process.env;
  if (!DATABASE_URL || !RABBITMQ_URL) throw new Error('DATABASE_URL and RABBITMQ_URL are required');
  const dataSource = await openDatabase(DATABASE_URL, { migrate: false });
  const broker = new BrokerConnection({ url: RABBITMQ_URL, connectionName: 'relay-process' });
  const Publisher = DIE_AFTER_CONFIRM === '1' ? PublisherThatDiesAfterConfirm : EventPublisher;
  new OutboxRelay(dataSource, broker, new Publisher(broker, testSubscriptions)).start();
  await broker.waitForConnection(30_000);
  process.stdout.write('relaying\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
