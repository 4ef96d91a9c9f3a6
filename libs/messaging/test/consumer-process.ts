// A consuming service in a process of its own, for the crash test: it is killed with SIGKILL in
// mid-stream and started again. Prints "consuming" once it has subscribed. Its handler takes
// HANDLER_DELAY_MS (default 1) per event; MAX_BATCH, if set, caps the events applied in one transaction.
import { createMessaging, openDatabase, recordEffect } from './harness';

async function main(): Promise<void> {
  const { DATABASE_URL, RABBITMQ_URL, HANDLER_DELAY_MS = '1', MAX_BATCH } = process.env;
  if (!DATABASE_URL || !RABBITMQ_URL) throw new Error('DATABASE_URL and RABBITMQ_URL are required');
  const dataSource = await openDatabase(DATABASE_URL, { migrate: false });
  const messaging = createMessaging(dataSource, RABBITMQ_URL, {
    consumer: MAX_BATCH ? { maxBatch: Number(MAX_BATCH) } : {},
  });
  messaging.consumer.handle('booking.confirmed', async (event, manager) => {
    await recordEffect(manager, event);
    await new Promise((resolve) => setTimeout(resolve, Number(HANDLER_DELAY_MS)));
  });
  messaging.consumer.start();
  await messaging.broker.waitForConnection(30_000);
  process.stdout.write('consuming\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
