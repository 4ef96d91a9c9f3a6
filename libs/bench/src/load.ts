import autocannon from 'autocannon';
import { watchMachineCpu, type MachineCpu } from './machine-cpu';
import { runPaced } from './paced-load';

export interface LoadOptions {
  /** http://<address>:<port> of the server. */
  baseUrl: string;
  /** Paths (with their queries) sent in turn, so that the load is a mix rather than one cached row. */
  paths: string[];
  method?: 'GET' | 'POST';
  /** A body per path, same order as `paths` (POST). */
  bodies?: string[];
  headers?: Record<string, string>;
  connections?: number;
  durationSeconds?: number;
  /**
   * A steady rate (requests/s over at most `connections`), each request sent when due and timed
   * from then, instead of as fast as the server answers.
   */
  rate?: number;
  /** Seconds of the same load first, not counted: connections opened, JIT warm. */
  warmupSeconds?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Paced runs: how late the load's own process sent its requests (p99). */
  sentLateP99Ms?: number;
  /** The machine's cores, and the share of them busy during the measured run (autocannon included). */
  machine: MachineCpu;
}

/**
 * Drives HTTP load and reports throughput and latency percentiles: as fast as the server answers
 * (autocannon, `connections` at a time), or with `rate`, an open loop paced at that rate.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds) await run({ ...options, durationSeconds: options.warmupSeconds });
  const machineSoFar = watchMachineCpu();
  const result = await run(options);
  return { ...result, machine: machineSoFar() };
}

function run(options: LoadOptions): Promise<Omit<LoadResult, 'machine'>> {
  const settings = {
    ...options,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    connections: options.connections ?? 50,
    durationSeconds: options.durationSeconds ?? 10,
  };
  return options.rate ? runPaced({ ...settings, rate: options.rate }) : runFlatOut(settings);
}

async function runFlatOut(options: LoadOptions): Promise<Omit<LoadResult, 'machine'>> {
  let next = 0;
  const { paths, bodies } = options;
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method,
    headers: options.headers,
    requests: [
      {
        setupRequest: (request) => {
          const index = next++ % paths.length;
          return { ...request, path: paths[index], body: bodies?.[index] };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

export function describeLoad(result: LoadResult): string {
  const failures = result.errors + result.timeouts + result.non2xx;
  return (
    `${result.requestsPerSecond.toLocaleString('en-US')} req/s, p50 ${result.p50Ms} ms, ` +
    `p99 ${result.p99Ms} ms, max ${result.maxMs} ms` +
    (failures ? `, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx` : '') +
    (result.sentLateP99Ms === undefined ? '' : `, 99% sent within ${result.sentLateP99Ms} ms of their time`) +
    `; ${describeMachine(result.machine)}`
  );
}

/** How busy the machine was, beside a latency measured on it. */
export function describeMachine({ cores, busy }: MachineCpu): string {
  return `the machine's ${cores} cores ${(busy * 100).toFixed(0)}% busy`;
}
