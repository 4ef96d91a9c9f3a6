import { Client } from 'pg';
import { connect } from 'amqplib';
import { createTestDatabase, TestDatabase } from './postgres';
import { requireTestEnv } from './jest/env';

describe('PostgreSQL from the pinned image', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase(requireTestEnv('databaseUrl'));
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('round-trips a row through a table', async () => {
    await client.query('CREATE TABLE fares (flight_number text PRIMARY KEY, amount numeric(10,2))');
    await client.query('INSERT INTO fares VALUES ($1, $2)', ['BF101', '101.00']);
    const { rows } = await client.query('SELECT amount FROM fares WHERE flight_number = $1', ['BF101']);
    expect(rows).toEqual([{ amount: '101.00' }]);
  });

  it('runs a UTF-8 server (the official image is, a bare initdb is not)', async () => {
    const { rows } = await client.query('SHOW server_encoding');
    expect(rows[0].server_encoding).toBe('UTF8');
    const { rows: echoed } = await client.query('SELECT $1::text AS city', ['São Paulo ✈']);
    expect(echoed[0].city).toBe('São Paulo ✈');
  });

  it('refuses to create test databases on a server that is not a test server', async () => {
    await expect(createTestDatabase('postgres://u:p@localhost:5432/production')).rejects.toThrow(
      /not a test server/,
    );
  });
});

describe('RabbitMQ from the pinned image', () => {
  it('delivers a published message to a consumer', async () => {
    const connection = await connect(requireTestEnv('rabbitmqUrl'));
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue('', { exclusive: true });
      const received = new Promise<string>((resolve) => {
        channel.consume(queue, (message) => {
          if (message) {
            channel.ack(message);
            resolve(message.content.toString());
          }
        });
      });
      channel.sendToQueue(queue, Buffer.from(JSON.stringify({ flight: 'BF101' })));
      expect(JSON.parse(await received)).toEqual({ flight: 'BF101' });
    } finally {
      await connection.close();
    }
  });

  it('serves the management API with the default user', async () => {
    const url = new URL('/api/overview', requireTestEnv('rabbitmqManagementUrl'));
    const auth = Buffer.from(`${url.username}:${url.password}`).toString('base64');
    const response = await fetch(`${url.origin}${url.pathname}`, {
      headers: { authorization: `Basic ${auth}` },
    });
    expect(response.status).toBe(200);
    const overview = (await response.json()) as { rabbitmq_version: string };
    expect(overview.rabbitmq_version).toMatch(/^4\.0\./);
  });
});
