// Outbox-to-consumer throughput, commit-to-applied latency and the time relay + consumer take to
// stop in mid-stream (run by `npm run bench`).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { StartedTestContainer } from 'testcontainers';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '../src';
import {
  createMessaging,
  openDatabase,
  recordEffect,
  testEvent,
  writeEvents,
  type Messaging,
} from '../test/harness';
import { percentile } from '@pss/bench';
import { createTestDatabase, startPostgres, startRabbitMq, amqpUrl } from '@pss/testing';

const THROUGHPUT_EVENTS = 20_000;
const LATENCY_RATE = 200; // events per second
const LATENCY_SECONDS = 15;
const SHUTDOWN_BACKLOG = 5_000;
const DEADLINE_MS = 6 * 60_000;

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`benchmark did not finish within ${DEADLINE_MS / 60_000} minutes`);
    process.exit(1);
  }, DEADLINE_MS);
  const [postgres, rabbitmq] = await Promise.all([startPostgres(), startRabbitMq()]);
  try {
    const database = await createTestDatabase(postgres.getConnectionUri());
    const databaseUrl = onBridge(postgres, database.url, 5432);
    const url = onBridge(rabbitmq, amqpUrl(rabbitmq), 5672);
    const dataSource = await openDatabase(databaseUrl);
    console.log('PostgreSQL, RabbitMQ, relay and consumer share this machine; other work may load it.');
    console.log(`PostgreSQL at ${new URL(databaseUrl).host}, RabbitMQ at ${new URL(url).host}`);
    printLoad('before');
    await measureThroughput(dataSource, url);
    await dataSource.query('TRUNCATE applied_effects, outbox_messages, inbox_messages');
    await measureLatency(dataSource, url);
    await dataSource.query('TRUNCATE applied_effects, outbox_messages, inbox_messages');
    await measureShutdown(dataSource, url);
    printLoad('after');
    await dataSource.destroy();
  } finally {
    await Promise.all([postgres.stop(), rabbitmq.stop()]);
    clearTimeout(deadline);
  }
}

/** Fills the outbox first, then times relay + consumer draining it into applied effects. */
async function measureThroughput(dataSource: DataSource, url: string): Promise<void> {
  await writeEvents(dataSource, THROUGHPUT_EVENTS, { aggregates: 200, perTransaction: 500 });
  const messaging = startMessaging(dataSource, url);
  await messaging.broker.waitForConnection(60_000);
  const applied = countApplied(messaging);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  messaging.relay.start();
  await applied.reach(THROUGHPUT_EVENTS);
  const seconds = (performance.now() - started) / 1_000;
  const cpu = process.cpuUsage(cpuBefore);
  await messaging.close();
  console.log(
    `outbox -> consumer throughput: ${THROUGHPUT_EVENTS} events applied in ${seconds.toFixed(2)} s = ` +
      `${Math.round(THROUGHPUT_EVENTS / seconds)} events/s (target >= 2,000/s)`,
  );
  // Load-independent: what relay + consumer cost this process (PostgreSQL and RabbitMQ not counted).
  const cpuMicros = cpu.user + cpu.system;
  console.log(
    `relay + consumer CPU in this process: ${(cpuMicros / 1e6).toFixed(2)} s, ` +
      `${Math.round(cpuMicros / THROUGHPUT_EVENTS)} µs per event`,
  );
}

/** Commits one event per transaction at a steady rate; latency = commit resolved -> consumer acked. */
async function measureLatency(dataSource: DataSource, url: string): Promise<void> {
  const messaging = startMessaging(dataSource, url);
  await messaging.broker.waitForConnection(60_000);
  messaging.relay.start();
  // Recorded apart and joined at the end: the consumer may apply an event before its commit's
  // continuation runs.
  const committedAt = new Map<string, number>();
  const appliedAt = new Map<string, number>();
  messaging.consumer.onProcessed(({ eventId }) => eventId && appliedAt.set(eventId, performance.now()));
  const total = LATENCY_RATE * LATENCY_SECONDS;
  const writer = new OutboxWriter();
  const start = performance.now();
  const commits: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1_000) / LATENCY_RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const event = testEvent(`flight-${i % 50}`, i);
    commits.push(
      dataSource
        .transaction((manager) => writer.write(manager, event, event.payload.bookingId))
        .then(() => void committedAt.set(event.id, performance.now())),
    );
  }
  await Promise.all(commits);
  const deadline = Date.now() + 60_000;
  while (appliedAt.size < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await messaging.close();
  const latencies = [...committedAt]
    .flatMap(([id, committed]) => {
      const applied = appliedAt.get(id);
      // An event applied before its commit's continuation ran waited for nothing.
      return applied === undefined ? [] : [Math.max(0, applied - committed)];
    })
    .sort((a, b) => a - b);
  const at = (quantile: number) => percentile(latencies, quantile).toFixed(1);
  console.log(
    `commit -> applied latency at ${LATENCY_RATE} events/s (${latencies.length}/${total} events): ` +
      `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (target p99 < 250 ms)`,
  );
}

/** Stops relay + consumer (in MessagingLifecycle's order) while a backlog is being applied. */
async function measureShutdown(dataSource: DataSource, url: string): Promise<void> {
  await writeEvents(dataSource, SHUTDOWN_BACKLOG, { aggregates: 200, perTransaction: 500 });
  const messaging = startMessaging(dataSource, url);
  await messaging.broker.waitForConnection(60_000);
  const applied = countApplied(messaging);
  messaging.relay.start();
  await applied.reach(SHUTDOWN_BACKLOG / 5);
  const started = performance.now();
  await messaging.close();
  const milliseconds = performance.now() - started;
  const [{ n: left }] = await dataSource.query('SELECT $1::int - count(*)::int AS n FROM applied_effects', [
    SHUTDOWN_BACKLOG,
  ]);
  console.log(
    `stop in mid-stream (consumer, relay, connection): ${milliseconds.toFixed(0)} ms with ${left} events ` +
      'still to apply (limit: the 10 s container stop grace period)',
  );
}

/**
 * The container's own address, as services reach their database and broker in compose. The mapped
 * host port goes through Docker's userland proxy, which costs a third of a core at 2,000 events/s;
 * MESSAGING_BENCH_MAPPED_PORTS=1 measures through it anyway.
 */
function onBridge(container: StartedTestContainer, mappedUrl: string, port: number): string {
  if (process.env.MESSAGING_BENCH_MAPPED_PORTS === '1') return mappedUrl;
  const url = new URL(mappedUrl);
  url.hostname = container.getIpAddress(container.getNetworkNames()[0]);
  url.port = String(port);
  return url.toString();
}

function printLoad(when: string): void {
  const [one, five] = loadavg().map((load) => load.toFixed(1));
  console.log(`load average ${when}: ${one} (1 min), ${five} (5 min) on 2 cores`);
}

function startMessaging(dataSource: DataSource, url: string): Messaging {
  const messaging = createMessaging(dataSource, url);
  messaging.consumer.handle('booking.confirmed', (event, manager) => recordEffect(manager, event));
  messaging.consumer.start();
  return messaging;
}

function countApplied(messaging: Messaging): { reach(count: number): Promise<void> } {
  let applied = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  messaging.consumer.onProcessed(({ outcome }) => {
    if (outcome === 'applied') applied += 1;
    for (const waiter of waiters) if (applied >= waiter.count) waiter.resolve();
  });
  return { reach: (count) => new Promise((resolve) => waiters.push({ count, resolve })) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
