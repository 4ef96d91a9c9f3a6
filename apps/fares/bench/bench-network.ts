// What the fares benches share: the images as the Dockerfiles build them, a network with fares'
// PostgreSQL (`fares-db`) and a registry (`discovery`) as compose gives them, and the candidates:
// fares and the floors it is compared with, each started on that network.
import { baseImages, buildServiceImage, exec, TestNetwork, waitUntil, workspaceRoot } from '@pss/testing';
import type Docker from 'dockerode';

export const FARES_IMAGE = 'pss/fares:bench';
const DISCOVERY_IMAGE = 'pss/discovery:bench';
const ENV = {
  DATABASE_URL: 'postgres://fares:fares@fares-db:5432/fares',
  DISCOVERY_URLS: 'http://discovery:8761/eureka/',
  PORT: '8080',
};

export interface Candidate {
  name: string;
  image: string;
  command?: string[];
  binds?: string[];
  env?: Record<string, string>;
}

/** A floor: a script of bench/floor run by the same node binary, on the workspace's packages. */
export const floor = (name: string, args: string[], env: Record<string, string> = {}): Candidate => ({
  name,
  image: baseImages.node,
  command: ['node', `/workspace/apps/fares/bench/floor/${args[0]}`, ...args.slice(1)],
  binds: [`${workspaceRoot}:/workspace:ro`],
  env,
});

export interface FaresBenchNetwork {
  network: TestNetwork;
  database: Docker.Container;
  start(candidate: Candidate): Promise<{ container: Docker.Container; baseUrl: string }>;
}

export async function faresBenchNetwork(): Promise<FaresBenchNetwork> {
  await buildServiceImage('discovery', DISCOVERY_IMAGE);
  await buildServiceImage('fares', FARES_IMAGE);
  const network = await TestNetwork.create('fares-bench');
  try {
    const database = await network.startPostgres('fares-db', 'fares');
    await network.start({
      image: DISCOVERY_IMAGE,
      alias: 'discovery',
      env: { INSTANCE_HOST: 'discovery', LOG_LEVEL: 'warn' },
    });
    const start = async (candidate: Candidate) => {
      const container = await network.start({ ...candidate, env: { ...ENV, ...candidate.env } });
      const baseUrl = `http://${await network.address(container)}:8080`;
      const probe = `${baseUrl}/fares?flightNumber=BF101&flightDate=${new Date().toISOString().slice(0, 10)}`;
      await waitUntil(candidate.name, async () => (await fetch(probe)).ok, 120_000);
      return { container, baseUrl };
    };
    return { network, database, start };
  } catch (error) {
    await network.remove();
    throw error;
  }
}

/** Resident memory of the container's node process (tini's child in a service image), in MiB. */
export async function residentMemory(container: Docker.Container): Promise<string> {
  const script = 'pid=$(cat /proc/1/task/1/children 2>/dev/null | cut -d" " -f1); cat /proc/${pid:-1}/status';
  const { output } = await exec(container, ['sh', '-c', script]);
  const mib = (field: string) =>
    (Number(new RegExp(`${field}:\\s+(\\d+)`).exec(output)?.[1]) / 1024).toFixed(1);
  return `RSS ${mib('VmRSS')} MiB (anonymous ${mib('RssAnon')}, file-backed ${mib('RssFile')})`;
}
