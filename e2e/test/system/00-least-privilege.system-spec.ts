import { docker, exec } from '@pss/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemStack } from './system-stack';

const stack = systemStack();
const { project, secretsDir } = stack.address;
const SERVICES = ['discovery-1', 'discovery-2', 'fares', 'search', 'booking', 'checkin'];

const containerOf = (service: string) => stack.container(service);

/** Runs `script` with node inside the service's container; resolves with what it printed. */
const nodeIn = async (service: string, script: string): Promise<string> => {
  const { code, output } = await exec(await containerOf(service), ['node', '-e', script]);
  if (code !== 0) throw new Error(`node in ${service} exited with ${code}: ${output}`);
  return output.trim();
};

/** What the broker answers when `service`'s own account tries `action` on a confirm channel. */
const brokerAnswerTo = (service: string, action: string) =>
  nodeIn(
    service,
    `const amqp = require('amqplib');
     const url = require('fs').readFileSync('/run/secrets/rabbitmq-url', 'utf8').trim();
     (async () => {
       const connection = await amqp.connect(url);
       const channel = await connection.createConfirmChannel();
       const closed = new Promise((resolve) => channel.on('error', (e) => resolve(String(e.code))));
       channel.on('close', () => undefined);
       const tried = (async () => { ${action}; return 'allowed'; })().catch((e) => String(e.code ?? e.message));
       console.log(await Promise.race([closed, tried]));
       await connection.close().catch(() => undefined);
     })();`,
  );

describe('least privilege in the composed stack', () => {
  it('gives no container a password in its environment: secrets are files', async () => {
    const secrets = readdirSync(secretsDir)
      .filter((name) => name.endsWith('-password'))
      .map((name) => readFileSync(join(secretsDir, name), 'utf8').trim());
    expect(secrets.length).toBeGreaterThan(10);
    const containers = await docker.listContainers({
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    expect(containers.length).toBeGreaterThanOrEqual(12);
    for (const { Id } of containers) {
      const { Config, Name } = await docker.getContainer(Id).inspect();
      const leaked = (Config.Env ?? []).filter((entry) => secrets.some((secret) => entry.includes(secret)));
      expect({ container: Name, leaked }).toEqual({ container: Name, leaked: [] });
    }
  });

  it('runs every PSS service read-only, without capabilities and without a way to gain privileges', async () => {
    for (const service of SERVICES) {
      const { HostConfig, Config } = await (await containerOf(service)).inspect();
      expect({
        service,
        user: Config.User,
        readOnly: HostConfig.ReadonlyRootfs,
        caps: HostConfig.CapDrop,
      }).toEqual({
        service,
        user: 'node',
        readOnly: true,
        caps: ['ALL'],
      });
      expect(HostConfig.SecurityOpt).toContain('no-new-privileges:true');
    }
    // The data stores as far as their images allow: their entrypoints take their volume as root.
    for (const store of ['fares-db', 'search-db', 'booking-db', 'checkin-db', 'rabbitmq']) {
      const { HostConfig } = await (await containerOf(store)).inspect();
      expect({ store, readOnly: HostConfig.ReadonlyRootfs, caps: HostConfig.CapDrop }).toEqual({
        store,
        readOnly: true,
        caps: ['ALL'],
      });
      expect(HostConfig.SecurityOpt).toContain('no-new-privileges:true');
    }
  });

  it('connects each service to its database as a role of its own that owns that database only', async () => {
    for (const service of ['fares', 'search', 'booking', 'checkin']) {
      const answers = await stack.sqlAsOperator(
        service,
        `SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity WHERE datname = '${service}' AND backend_type = 'client backend' AND usename <> 'postgres';
         SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = '${service}';
         SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public';`,
      );
      expect(answers).toEqual([service, 'f', service]);
    }
  });

  it("keeps each database on a network of its own, and search's password does not open booking's", async () => {
    // From search's container: its own database answers, booking's is not even on its networks.
    const tryDatabase = (database: string) =>
      nodeIn(
        'search',
        `const { Client } = require('pg');
         const url = new URL(require('fs').readFileSync('/run/secrets/database-url', 'utf8').trim());
         url.host = '${database}-db:5432';
         url.pathname = '/${database}';
         const client = new Client({ connectionString: url.href, connectionTimeoutMillis: 5000 });
         client.connect().then(() => console.log('connected'), (e) => console.log(e.code ?? e.message)).finally(() => client.end().catch(() => undefined));`,
      );
    expect(await tryDatabase('search')).toBe('connected');
    expect(await tryDatabase('booking')).toBe('ENOTFOUND');
    // Were it reachable, search's credentials would not open it (over TCP, as a client connects).
    const searchPassword = readFileSync(join(secretsDir, 'search-db-password'), 'utf8').trim();
    const { code, output } = await exec(await containerOf('booking-db'), [
      'sh',
      '-c',
      `psql "postgresql://search:${searchPassword}@$(hostname -i | cut -d' ' -f1):5432/booking" -c 'SELECT 1'`,
    ]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/password authentication failed for user "search"/);
  });

  it("keeps RabbitMQ's management API from the services", async () => {
    const answer = await nodeIn(
      'booking',
      "fetch('http://rabbitmq:15672/api/overview').then((r) => console.log(r.status), (e) => console.log(e.cause?.code ?? e.message))",
    );
    expect(answer).toBe('ECONNREFUSED');
  });

  it('lets a service publish only its own events and read only its own queue on RabbitMQ', async () => {
    const publish = (key: string) =>
      `await new Promise((resolve, reject) => channel.publish('pss.events', '${key}', Buffer.from('{}'), {}, (error) => (error ? reject(error) : resolve())))`;
    expect(await brokerAnswerTo('booking', publish('checkin.completed'))).toBe('403');
    expect(await brokerAnswerTo('search', publish('booking.cancelled'))).toBe('403');
    expect(await brokerAnswerTo('fares', publish('booking.confirmed'))).toBe('403');
    expect(await brokerAnswerTo('booking', publish('flight.changed'))).toBe('403');
    expect(await brokerAnswerTo('fares', "await channel.get('booking.events')")).toBe('403');
    expect(await brokerAnswerTo('booking', "await channel.get('search.events')")).toBe('403');
    expect(
      await brokerAnswerTo(
        'booking',
        "channel.sendToQueue('search.events', Buffer.from('{}')); await channel.waitForConfirms()",
      ),
    ).toBe('403');
    // Its own events still go out: the passenger flow in the next suites depends on it.
    expect(await brokerAnswerTo('booking', publish('booking.ignored-by-everyone'))).toBe('allowed');
    expect(await brokerAnswerTo('fares', publish('fare.ignored-by-everyone'))).toBe('allowed');
    expect(await brokerAnswerTo('search', publish('flight.ignored-by-everyone'))).toBe('allowed');
  });
});
