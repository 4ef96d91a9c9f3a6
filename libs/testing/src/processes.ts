import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { workspaceRoot } from './images';
import { listeningPort } from './listening-port';

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

/**
 * `node <args>` from the workspace root on `port`, or on a port of its own choosing (PORT=0, read
 * back); resolves once its /health/live answers.
 */
export async function startNodeProcess(
  args: string[],
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, args, {
    cwd: workspaceRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port ?? 0) },
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
  const chosen = await waitForHealth(child, port);
  return {
    port: chosen,
    child,
    output: () => output,
    kill: ended('SIGKILL'),
    stop: ended('SIGTERM'),
  };
}

/** Its port once /health/live answers there. */
async function waitForHealth(child: ChildProcess, port?: number, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let known = port;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${child.spawnargs.join(' ')}: exited with ${child.exitCode}`);
    known ??= await listeningPort(child.pid as number);
    const ok =
      known !== undefined &&
      (await fetch(`http://127.0.0.1:${known}/health/live`).then(
        (response) => response.ok,
        () => false,
      ));
    if (ok && known !== undefined) return known;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${child.spawnargs.join(' ')}: /health/live did not answer within ${timeoutMs} ms`);
}
