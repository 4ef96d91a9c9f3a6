// A consuming service in a process of its own, for the crash test: it is killed with SIGKILL in
// mid-stream and started again. Prints "consuming" once it has subscribed.
import { createMessaging, openDatabase, recordEffect } from './harness';

async function main(): Promise<void> {
  const { DATABASE_URL, RABBITMQ_URL } = process.env;
  if (!DATABASE_URL || !RABBITMQ_URL) throw new Error('DATABASE_URL and RABBITMQ_URL are required');
  const dataSource = await openDatabase(DATABASE_URL, { migrate: false });
  const messaging = createMessaging(dataSource, RABBITMQ_URL);
  messaging.consumer.handle('booking.confirmed', async (event, manager) => {
    await recordEffect(manager, event);
    await new Promise((resolve) => setTimeout(resolve, 1)); // a handler that takes a little time
  });
  messaging.consumer.start();
  await messaging.broker.waitForConnection(30_000);
  process.stdout.write('consuming\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
