import type Docker from 'dockerode';
import { exec } from '@pss/testing';

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
}

export interface PgbenchResult {
  transactionsPerSecond: number;
  averageLatencyMs: number;
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
  const { code, output } = await exec(postgres, [
    'pgbench',
    '--no-vacuum',
    ...['-U', options.database, '-d', options.database],
    ...['-c', clients, '-j', '2', '-T', String(options.durationSeconds ?? 10)],
    ...['-M', options.prepared === false ? 'simple' : 'prepared'],
    '-f',
    file,
  ]);
  const tps = /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  if (code !== 0 || !tps || !latency) throw new Error(`pgbench failed (${code}):\n${output}`);
  return { transactionsPerSecond: Math.round(Number(tps[1])), averageLatencyMs: Number(latency[1]) };
}
