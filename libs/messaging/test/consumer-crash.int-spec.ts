import { waitUntil } from '@pss/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createMessaging, effectCounts, writeEvents, type Messaging } from './harness';
import { useSharedContainers, type SharedContainersContext } from './suite-context';

/** Starts test/consumer-process.ts in a child process; resolves once it consumes. */
async function startConsumerProcess(databaseUrl: string, brokerUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--require', '@swc-node/register', join(__dirname, 'consumer-process.ts')],
    {
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'),
        DATABASE_URL: databaseUrl,
        RABBITMQ_URL: brokerUrl,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(
    'the consumer process to consume',
    async () => output.includes('consuming') || child.exitCode !== null,
    60_000,
  );
  if (!output.includes('consuming')) throw new Error(`consumer process exited with ${child.exitCode}`);
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe('a consumer process killed in mid-stream', () => {
  let context: SharedContainersContext;
  let databaseUrl: string;
  let relay: Messaging;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    context = await useSharedContainers();
    databaseUrl = context.databaseUrl;
    relay = createMessaging(context.dataSource, context.brokerUrl);
    relay.relay.start();
  });

  afterAll(async () => {
    await Promise.all(children.map(kill));
    await relay?.close();
    await context?.close();
  });

  it('applies every event exactly once after it is restarted', async () => {
    const total = 4_000;
    children.push(await startConsumerProcess(databaseUrl, context.brokerUrl));
    await writeEvents(context.dataSource, total, { aggregates: 40, perTransaction: 50 });

    await waitUntil(
      '500 applied',
      async () => (await effectCounts(context.dataSource)).applied >= 500,
      60_000,
    );
    await kill(children[0]);
    const atKill = await effectCounts(context.dataSource);
    expect(atKill.applied).toBeLessThan(total); // really in mid-stream

    children.push(await startConsumerProcess(databaseUrl, context.brokerUrl));
    await waitUntil(
      'every event applied',
      async () => (await effectCounts(context.dataSource)).applied >= total,
      90_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show now
    expect(await effectCounts(context.dataSource)).toEqual({ applied: total, distinct: total });
  });
});
