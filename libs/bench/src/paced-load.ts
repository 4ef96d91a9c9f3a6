import { performance } from 'node:perf_hooks';
import { Pool, errors } from 'undici';
import { percentile } from './percentile';
import { atSteadyRate } from './steady-rate';

export interface PacedLoadOptions {
  baseUrl: string;
  paths: readonly string[];
  method: 'GET' | 'POST';
  bodies?: readonly string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** Requests per second, each sent at its own due time, 1/rate s after the one before. */
  rate: number;
}

export interface PacedLoadResult {
  total: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /**
   * How late this process sent its requests (p99): its own stalls, which the latencies include,
   * told apart from the server's.
   */
  sentLateP99Ms: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Requests at a steady rate in an open loop (`atSteadyRate`), each one's latency from when it was
 * due: a server that stalls is charged for the requests that queue behind the stall, as pgbench's
 * `--rate` charges it. autocannon's own
 * rate is a quota per second, sent as fast as the server answers: a burst of `connections` at a
 * time at the top of every second, then silence, whose latency is the burst's, not the rate's.
 */
export async function runPaced(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const pool = new Pool(options.baseUrl, {
    connections: options.connections,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const latencies: number[] = [];
  const lateness: number[] = [];
  const outcome = { errors: 0, timeouts: 0, non2xx: 0 };
  const send = async (index: number, due: number): Promise<void> => {
    lateness.push(performance.now() - due);
    const path = options.paths[index % options.paths.length];
    try {
      const response = await pool.request({
        path,
        method: options.method,
        headers: options.headers,
        body: options.bodies?.[index % options.paths.length],
      });
      await response.body.dump();
      if (response.statusCode >= 300) outcome.non2xx++;
      latencies.push(performance.now() - due);
    } catch (error) {
      if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError)
        outcome.timeouts++;
      else outcome.errors++;
    }
  };
  const started = performance.now();
  await atSteadyRate(options.rate, options.durationSeconds, send);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  lateness.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    total: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    ...outcome,
    sentLateP99Ms: round(percentile(lateness, 0.99)),
  };
}
