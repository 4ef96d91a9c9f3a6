import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker, waitUntil, workspaceRoot } from '@pss/testing';
import { startStackProbe, type StackProbe } from './stack-probe';

const run = promisify(execFile);

/** `running/desired` of each service of the stack, e.g. "2/2 1/1 0/2". */
const replicasOf = async (stack: string): Promise<string> =>
  (await run('docker', ['stack', 'services', stack, '--format', '{{.Replicas}}'])).stdout
    .trim()
    .split('\n')
    .join(' ');

export interface SwarmStack {
  /** An HTTP request made from inside the stack's network (by a probe of the tests' own). */
  fetch: StackProbe['fetch'];
  /**
   * Removes the stack and its volumes. The engine stays in the swarm: on Docker 20.10 and 26.1 leaving a
   * swarm wipes the embedded DNS of every bridge network, which would break a compose stack running beside
   * the tests (docs/adr/0007).
   */
  remove(): Promise<void>;
}

/** An operator's settings for the scripts: an env file and secrets of their own, and the stack's name. */
export function operatorSettings(stack: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'pss-swarm-'));
  return {
    ...process.env,
    PSS_STACK: stack,
    PSS_ENV_FILE: join(dir, '.env'),
    PSS_SECRETS_DIR: join(dir, 'secrets'),
    PSS_SWARM_ENDPOINT_MODE: 'dnsrr',
    ...env,
  };
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `bash scripts/<script> [args]` with `env`; resolves with how it ended, whatever that was. */
export async function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await run('bash', [join(workspaceRoot, 'scripts', script), ...args], {
      cwd: workspaceRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** `bash scripts/<script>`, which must succeed. */
export async function runScriptOrThrow(script: string, env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  const result = await runScript(script, env);
  if (result.code !== 0) throw new Error(`${script} ended with ${result.code}: ${result.stderr}`);
  return result;
}

/**
 * scripts/swarm-deploy.sh as an operator runs it, with `settings` (operatorSettings), as their
 * PSS_STACK. Services are reached on the stack's network: this machine has no IPVS (the kernel part
 * of Swarm's routing mesh), so the stack runs with DNS round-robin endpoints and publishes no port.
 */
export async function deploySwarmStack(settings: NodeJS.ProcessEnv): Promise<SwarmStack> {
  const name = settings.PSS_STACK ?? 'pss';
  await runScriptOrThrow('swarm-deploy.sh', settings);
  const probe = await startStackProbe(`${name}_default`);
  const stackContainers = async () =>
    docker.listContainers({ all: true, filters: { label: [`com.docker.stack.namespace=${name}`] } });

  // Sixteen tasks starting on a small host take minutes: the stack is there once every service runs
  // all its replicas (a task with a health check counts as running once it is healthy). Asked once a
  // second: each time is a docker CLI start and the engine's look at every task.
  await waitUntil(
    async () => `every service of ${name} to run its replicas (${await replicasOf(name)})`,
    async () => (await replicasOf(name)).split(' ').every((replicas) => /^(\d+)\/\1$/.test(replicas)),
    300_000,
    1_000,
  ).catch(async (error: unknown) => {
    await probe.remove();
    throw error;
  });

  return {
    fetch: probe.fetch,

    async remove() {
      await probe.remove();
      await run('docker', ['stack', 'rm', name]);
      await waitUntil(
        `the containers of ${name} to go`,
        async () => (await stackContainers()).length === 0,
        120_000,
      );
      const { Volumes } = await docker.listVolumes({
        filters: { label: [`com.docker.stack.namespace=${name}`] },
      });
      await Promise.all((Volumes ?? []).map((volume) => docker.getVolume(volume.Name).remove()));
    },
  };
}
