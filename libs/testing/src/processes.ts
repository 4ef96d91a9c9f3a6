import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { bundledEntry, nodeArgsFor } from './bundles';
import { workspaceRoot } from './images';
import { listeningPort } from './listening-port';

/**
 * A port that was free a moment ago on 127.0.0.1: only for what must be known before its process
 * starts (a peer's address, a port to come back on). Anything else listens on port 0.
 */
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
 * node process on 127.0.0.1, bundled as its image bundles it, and resolves once its /health/live
 * answers.
 */
export async function startServiceProcess(
  entry: string,
  tsconfig: string,
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  return startNodeProcess(nodeArgsFor(await bundledEntry(entry, tsconfig)), env, port);
}

/** An app of this repository (`apps/<app>/src/main.ts`) as its own process; see startServiceProcess. */
export const startAppProcess = (
  app: string,
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> =>
  startServiceProcess(`apps/${app}/src/main.ts`, `apps/${app}/tsconfig.json`, env, port);

/**
 * `node <args>` from the workspace root, listening on `port` or, without one, on port 0 (the port
 * it got is read back from the kernel); resolves once its /health/live answers.
 */
export async function startNodeProcess(
  args: string[],
  env: Record<string, string>,
  port?: number,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, args, {
    cwd: workspaceRoot,
    // A test starts the owners it needs itself: catching up with them is what a test turns on.
    env: { ...process.env, LOG_LEVEL: 'warn', CATCH_UP: 'false', PORT: String(port ?? 0), ...env },
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
    const chosen = port ?? (await portOf(child));
    await waitForHttp(`http://127.0.0.1:${chosen}/health/live`, child);
    return {
      port: chosen,
      child,
      output: () => output,
      kill: ended('SIGKILL'),
      stop: ended('SIGTERM'),
    };
  } catch (error) {
    await ended('SIGKILL')(); // a process that never got ready must not outlive the test run
    throw error;
  }
}

async function portOf(child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before listening`);
    const port = child.pid === undefined ? undefined : listeningPort(child.pid);
    if (port !== undefined) return port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the process listened on no port within ${timeoutMs} ms`);
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
