// Every account PSS has, and the secret files made from their passwords. Each service has its own
// database role (owner of its database only), its own registry account (writes only its own
// application), and, when it uses events, its own RabbitMQ user (reads only its own queues,
// publishes only its own events). The file names are the ones docker-compose.yml lists.
const { createHash } = require('node:crypto');

/** The services (services.json): each with events has a RabbitMQ user. */
const { services: SERVICES } = require('../../services.json');
const REGISTRY_NODES = ['discovery-1', 'discovery-2'];
const PEER_USER = 'pss-peer';
const RABBITMQ_ADMIN = 'pss-admin';

/** `password(name)` gives the password of one account, made once and kept. */
function accounts(password) {
  const files = {};
  const registryUrls = (user, pass, nodes) =>
    nodes.map((node) => `http://${user}:${pass}@${node}:8761/eureka/`).join(',');

  for (const [service, { database, events }] of Object.entries(SERVICES)) {
    if (database) {
      const dbPassword = password(`${service}-db`);
      password(`${service}-db-admin`);
      files[`${service}-database-url`] = `postgres://${service}:${dbPassword}@${service}-db:5432/${service}`;
    }
    files[`${service}-discovery-urls`] = registryUrls(
      service,
      password(`${service}-registry`),
      REGISTRY_NODES,
    );
    if (events)
      files[`${service}-rabbitmq-url`] = `amqp://${service}:${password(`${service}-rabbitmq`)}@rabbitmq:5672`;
  }

  files['registry-accounts'] = Object.keys(SERVICES)
    .map((service) => `${service} ${password(`${service}-registry`)} ${registryGrants(service)}`)
    .join('\n');
  // Both nodes get the whole list: each skips the entry that names itself.
  files['registry-peer-urls'] = registryUrls(PEER_USER, password('registry-peer'), REGISTRY_NODES);
  password('operator');
  // The image registry's basic-auth user pss (scripts/image-registry.sh, scripts/publish.sh).
  password('image-registry');
  files['rabbitmq-definitions.json'] = JSON.stringify(rabbitmqDefinitions(password), null, 2);
  return files;
}

/**
 * The applications a service's registry account may write: its own; a lifecycle manager also the
 * status overrides of every other service's instances (`APP:status`, to take one out of service
 * before stopping it), and nothing else of theirs.
 */
function registryGrants(service) {
  const others = SERVICES[service].lifecycleManager
    ? Object.keys(SERVICES)
        .filter((other) => other !== service)
        .map((other) => `${other.toUpperCase()}:status`)
    : [];
  return [service.toUpperCase(), ...others].join(',');
}

/**
 * RabbitMQ's users and permissions, loaded at boot. Every service declares the whole topology (so
 * that events wait for a consumer that never ran), which takes configure and write on the exchanges
 * and queues; it reads only its own queues, and on the events exchange publishes only its own events.
 * No service may write to the default exchange, so none can put a message straight into a queue.
 */
function rabbitmqDefinitions(password) {
  const topology = '^pss\\.events(\\.dlx)?$|^[a-z][a-z0-9-]*\\.events(\\.dlq)?$';
  const brokerUsers = Object.entries(SERVICES)
    .filter(([, { events }]) => events)
    .map(([service]) => service);
  const publishes = (service) => SERVICES[service].events.publishes;
  const user = (name, tags) => ({
    name,
    password_hash: rabbitmqPasswordHash(
      password(name === RABBITMQ_ADMIN ? 'rabbitmq-admin' : `${name}-rabbitmq`),
    ),
    hashing_algorithm: 'rabbit_password_hashing_sha256',
    tags,
  });
  return {
    users: [user(RABBITMQ_ADMIN, ['administrator']), ...brokerUsers.map((service) => user(service, []))],
    vhosts: [{ name: '/' }],
    permissions: [
      { user: RABBITMQ_ADMIN, vhost: '/', configure: '.*', write: '.*', read: '.*' },
      ...brokerUsers.map((service) => ({
        user: service,
        vhost: '/',
        configure: topology,
        write: topology,
        read: `^pss\\.events(\\.dlx)?$|^${service}\\.events(\\.dlq)?$`,
      })),
    ],
    topic_permissions: brokerUsers.map((service) => ({
      user: service,
      vhost: '/',
      exchange: 'pss.events',
      write: `^${publishes(service)}\\.`,
      read: '.*',
    })),
  };
}

/**
 * RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ sha256(salt ++ password)). The salt
 * comes from the password, so that the same passwords give the same file (a Swarm secret is named
 * after its content: a new file would roll RabbitMQ at every deploy).
 */
function rabbitmqPasswordHash(password) {
  const salt = createHash('sha256').update(`salt:${password}`).digest().subarray(0, 4);
  const hash = createHash('sha256').update(salt).update(password, 'utf8').digest();
  return Buffer.concat([salt, hash]).toString('base64');
}

module.exports = { accounts };
