import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { workspaceRoot } from './images';

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface RunningProcess {
  port: number;
  child: ChildProcess;
  /** What it has written to stdout so far (its log lines). */
  output(): string;
  /** SIGKILL: no deregistration, no goodbye. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point of this repository (a service's main.ts, a test service) as its own
 * node process on 127.0.0.1, from source, and resolves once its /health/live answers.
 */
export async function startServiceProcess(
  entry: string,
  tsconfig: string,
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  return startNodeProcess(
    ['--require', '@swc-node/register', join(workspaceRoot, entry)],
    {
      SWC_NODE_PROJECT: join(workspaceRoot, tsconfig),
      ...env,
    },
    port,
  );
}

/** An app of this repository (`apps/<app>/src/main.ts`) as its own process; see startServiceProcess. */
export const startAppProcess = (
  app: string,
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> =>
  startServiceProcess(`apps/${app}/src/main.ts`, `apps/${app}/tsconfig.json`, env, port);

/** `node <args>` from the workspace root with PORT set; resolves once its /health/live answers. */
export async function startNodeProcess(
  args: string[],
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, args, {
    cwd: workspaceRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(chosen), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  try {
    await waitForHttp(`http://127.0.0.1:${chosen}/health/live`, child);
  } catch (error) {
    await ended('SIGKILL')(); // a process that never got ready must not outlive the test run
    throw error;
  }
  return {
    port: chosen,
    child,
    output: () => output,
    kill: ended('SIGKILL'),
    stop: ended('SIGTERM'),
  };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
