import type Docker from 'dockerode';
import { exec } from '@pss/testing';
import { percentile } from './percentile';

export interface PgbenchOptions {
  /** The database (and user) to run against, inside the PostgreSQL container. */
  database: string;
  /** A pgbench script: `\set` lines and the SQL of one transaction. */
  script: string;
  clients?: number;
  durationSeconds?: number;
  /** Prepared statements (`-M prepared`), as a server with a prepared statement sends them. */
  prepared?: boolean;
  /** SQL run once before, with psql (a sequence the script needs, say). */
  setup?: string;
  /**
   * Transactions per second to pace at (`--rate`), instead of as many as the clients can: the
   * database's latency at a given load, each transaction timed from when it was due to start.
   */
  rate?: number;
}

export interface PgbenchResult {
  transactionsPerSecond: number;
  averageLatencyMs: number;
  /** With `rate`: percentiles of the transactions' latencies, from pgbench's per-transaction log. */
  percentilesMs?: { p50: number; p99: number; max: number };
}

/**
 * Runs pgbench inside the PostgreSQL container (its binary ships with the server) on the server's
 * own socket: the database's answer rate with no network and no application in between.
 */
export async function runPgbench(
  postgres: Docker.Container,
  options: PgbenchOptions,
): Promise<PgbenchResult> {
  if (options.setup) {
    const setup = await exec(postgres, [
      'psql',
      '-v',
      'ON_ERROR_STOP=1',
      '-U',
      options.database,
      '-d',
      options.database,
      '-c',
      options.setup,
    ]);
    if (setup.code !== 0) throw new Error(`pgbench set-up failed: ${setup.output}`);
  }
  const file = `/tmp/pgbench-${process.pid}.sql`;
  const write = await exec(postgres, ['sh', '-c', `cat > ${file} <<'SCRIPT'\n${options.script}\nSCRIPT`]);
  if (write.code !== 0) throw new Error(`could not write the pgbench script: ${write.output}`);
  const clients = String(options.clients ?? 50);
  const log = `/tmp/pgbench-log-${process.pid}`;
  const { code, output } = await exec(postgres, [
    'pgbench',
    '--no-vacuum',
    ...['-U', options.database, '-d', options.database],
    ...['-c', clients, '-j', '2', '-T', String(options.durationSeconds ?? 10)],
    ...['-M', options.prepared === false ? 'simple' : 'prepared'],
    ...(options.rate ? ['--rate', String(options.rate), '--log', `--log-prefix=${log}`] : []),
    '-f',
    file,
  ]);
  const tps = /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  if (code !== 0 || !tps || !latency) throw new Error(`pgbench failed (${code}):\n${output}`);
  return {
    transactionsPerSecond: Math.round(Number(tps[1])),
    averageLatencyMs: Number(latency[1]),
    percentilesMs: options.rate ? await loggedPercentiles(postgres, log) : undefined,
  };
}

/**
 * Percentiles of pgbench's per-transaction log (`--log`): one line per transaction, its third
 * field the latency in microseconds (with `--rate`, from when it was due to start). The files go.
 */
async function loggedPercentiles(
  postgres: Docker.Container,
  prefix: string,
): Promise<PgbenchResult['percentilesMs']> {
  const { code, output, stdout } = await exec(postgres, ['sh', '-c', `cat ${prefix}.* && rm -f ${prefix}.*`]);
  if (code !== 0) throw new Error(`could not read pgbench's log: ${output}`);
  const latencies = stdout
    .split('\n')
    .map((line) => Number(line.split(' ')[2]))
    .filter((micros) => Number.isFinite(micros))
    .sort((a, b) => a - b);
  const at = (quantile: number) => percentile(latencies, quantile) / 1_000;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}
