import { bundledEntry, nodeArgsFor, waitUntil } from '@pss/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface TestProcess {
  child: ChildProcess;
  /** What it printed so far. */
  output(): string;
  /** Settles when it has exited, also when that happened before anyone asked. */
  exited: Promise<unknown>;
}

/** Runs `script` of this folder in a child process; resolves once it printed `ready`. */
async function startTestProcess(
  script: string,
  ready: string,
  env: Record<string, string>,
): Promise<TestProcess> {
  const bundle = await bundledEntry(`libs/messaging/test/${script}`, 'libs/messaging/tsconfig.json');
  const child = spawn(process.execPath, nodeArgsFor(bundle), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').catch(() => undefined); // 'error' (could not spawn) settles it too
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(
    `${script} to print "${ready}"`,
    async () => output.includes(ready) || hasExited(child),
    60_000,
  );
  if (!output.includes(ready)) throw new Error(`${script} exited with ${child.exitCode ?? child.signalCode}`);
  return { child, output: () => output, exited };
}

/** A consuming service (consumer-process.ts), once it consumes. */
export const startConsumerProcess = async (
  databaseUrl: string,
  brokerUrl: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> =>
  (
    await startTestProcess('consumer-process.ts', 'consuming', {
      DATABASE_URL: databaseUrl,
      RABBITMQ_URL: brokerUrl,
      ...env,
    })
  ).child;

/** A relay (relay-process.ts), once it is connected. */
export const startRelayProcess = (
  databaseUrl: string,
  brokerUrl: string,
  env: Record<string, string> = {},
): Promise<TestProcess> =>
  startTestProcess('relay-process.ts', 'relaying', {
    DATABASE_URL: databaseUrl,
    RABBITMQ_URL: brokerUrl,
    ...env,
  });

/** SIGKILL: no goodbye, no ack left unsent on purpose. */
export async function kill(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;
