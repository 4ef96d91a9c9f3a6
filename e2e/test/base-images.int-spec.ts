import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { Client } from 'pg';
import { connect } from 'amqplib';
import { spawnSync } from 'node:child_process';
import { baseImages } from '@pss/testing';

// The contract of the official images that PSS relies on, checked against whatever image the engine
// has under each tag (pulled, or built by docker/base-images).

describe(`${baseImages.postgres} behaves like the official image`, () => {
  let container: StartedTestContainer;
  const url = (password: string) =>
    `postgres://booking:${password}@${container.getHost()}:${container.getMappedPort(5432)}/bookings`;

  beforeAll(async () => {
    container = await new GenericContainer(baseImages.postgres)
      .withEnvironment({
        POSTGRES_USER: 'booking',
        POSTGRES_PASSWORD: 's3cret',
        POSTGRES_DB: 'bookings',
        POSTGRES_INITDB_ARGS: '--data-checksums',
      })
      .withCopyContentToContainer([
        {
          content: 'CREATE TABLE seeded (id int); INSERT INTO seeded VALUES (42);',
          target: '/docker-entrypoint-initdb.d/01-seed.sql',
        },
      ])
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
  });

  afterAll(() => container.stop());

  it('creates the user and database, runs the init scripts, and takes a password login over TCP', async () => {
    const client = new Client({ connectionString: url('s3cret') });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT id, current_user AS who FROM seeded');
      expect(rows).toEqual([{ id: 42, who: 'booking' }]);
      const { rows: checksums } = await client.query('SHOW data_checksums');
      expect(checksums[0].data_checksums).toBe('on');
    } finally {
      await client.end();
    }
  });

  it('refuses a wrong password', async () => {
    const client = new Client({ connectionString: url('wrong') });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('has pg_isready and psql on PATH and keeps data in /var/lib/postgresql/data', async () => {
    const ready = await container.exec(['pg_isready', '--host', 'localhost']);
    expect(ready.exitCode).toBe(0);
    const psql = await container.exec([
      'psql',
      '-U',
      'booking',
      '-d',
      'bookings',
      '-tAc',
      'SHOW data_directory',
    ]);
    expect(psql.output.trim()).toBe('/var/lib/postgresql/data');
  });

  it('refuses to initialise without a password, saying why', () => {
    const run = spawnSync('docker', ['run', '--rm', baseImages.postgres], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/superuser password is not specified/);
  });
});

describe(`${baseImages.rabbitmq} behaves like the official image`, () => {
  let container: StartedTestContainer;

  beforeAll(async () => {
    container = await new GenericContainer(baseImages.rabbitmq)
      .withEnvironment({ RABBITMQ_DEFAULT_USER: 'pss', RABBITMQ_DEFAULT_PASS: 'pss-pass' })
      .withExposedPorts(5672, 15672)
      .withWaitStrategy(Wait.forLogMessage('Server startup complete'))
      .withStartupTimeout(120_000)
      .start();
  });

  afterAll(() => container.stop());

  it('accepts the configured user from another host and no guest', async () => {
    const host = `${container.getHost()}:${container.getMappedPort(5672)}`;
    const connection = await connect(`amqp://pss:pss-pass@${host}`);
    await connection.close();
    await expect(connect(`amqp://guest:guest@${host}`)).rejects.toThrow(/ACCESS_REFUSED|403/);
  });

  it('serves the management API on 15672', async () => {
    const response = await fetch(
      `http://${container.getHost()}:${container.getMappedPort(15672)}/api/whoami`,
      {
        headers: { authorization: `Basic ${Buffer.from('pss:pss-pass').toString('base64')}` },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'pss' });
  });
});

describe(`${baseImages.node} behaves like the official image`, () => {
  it('runs node, npm and npx as the non-root user node (uid 1000)', async () => {
    const container = await new GenericContainer(baseImages.node)
      .withWaitStrategy(Wait.forOneShotStartup())
      .withUser('node')
      .withCommand(['sh', '-c', 'id -u; node --version; npm --version; npx --version'])
      .start()
      .catch((error: Error) => error);
    expect(container).not.toBeInstanceOf(Error);
    const logs = await readLogs(container as StartedTestContainer);
    const [uid, nodeVersion, npmVersion, npxVersion] = logs.trim().split('\n');
    expect(uid).toBe('1000');
    expect(nodeVersion).toMatch(/^v24\./);
    expect(npmVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(npxVersion).toBe(npmVersion);
    await (container as StartedTestContainer).stop();
  });
});

async function readLogs(container: StartedTestContainer): Promise<string> {
  const stream = await container.logs();
  let text = '';
  stream.on('data', (chunk: Buffer | string) => (text += chunk.toString()));
  await new Promise((resolve) => stream.on('end', resolve));
  return text;
}
