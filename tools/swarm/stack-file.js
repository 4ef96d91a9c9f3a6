// Turns `docker compose config --format json` (docker-compose.yml with docker-compose.swarm.yml
// over it, variables resolved) into a stack file for `docker stack deploy`, which reads the same
// format but not compose's local-only keys: image builds, start order, restart (Swarm restarts
// through deploy.restart_policy) and the host address of published ports (Swarm's routing mesh
// publishes on every node, one port per service).
//   docker compose -f docker-compose.yml -f docker-compose.swarm.yml config --format json \
//     | node tools/swarm/stack-file.js [--endpoint-mode dnsrr] | docker stack deploy -c - pss
//
// --endpoint-mode dnsrr is for hosts without IPVS (the kernel part of Swarm's virtual IPs and
// routing mesh; gVisor sandboxes lack it): service names then resolve to the tasks' own addresses,
// and since published ports need the routing mesh, nothing is published: reach the services from
// the stack's network (it is attachable).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

// group_add too: a stack file has no supplementary groups (the Swarm overlay gives lifecycle, the one
// service with one, the engine socket's group as its primary group instead).
const LOCAL_ONLY_SERVICE_KEYS = ['build', 'depends_on', 'restart', 'container_name', 'group_add'];

function swarmStackFile(config, { endpointMode = 'vip' } = {}) {
  const { name: _project, secrets, networks, volumes, configs, ...rest } = config;
  const services = Object.fromEntries(
    Object.entries(config.services).map(([name, service]) => [name, swarmService(service, endpointMode)]),
  );
  const usedSecrets = Object.fromEntries(
    Object.entries(secrets ?? {}).filter(([secret]) =>
      Object.values(services).some((service) => (service.secrets ?? []).some((s) => s.source === secret)),
    ),
  );
  return {
    ...rest,
    // Compose named these after its project; the stack names them after itself. Overlay traffic
    // between nodes carries credentials: it is encrypted (IPsec). Only the default network can be
    // joined by a container from outside the stack: the data stores' internal ones cannot.
    networks: mapValues(networks ?? { default: {} }, ({ name: _name, ...network }) => ({
      ...network,
      driver_opts: { ...network.driver_opts, encrypted: 'true' },
      attachable: !network.internal,
    })),
    ...(volumes && { volumes: mapValues(volumes, ({ name: _name, ...volume }) => volume) }),
    ...(configs && { configs: mapValues(configs, contentNamed) }),
    services,
    ...(Object.keys(usedSecrets).length > 0 && { secrets: mapValues(usedSecrets, contentNamed) }),
  };
}

/**
 * Swarm configs and secrets cannot change: one named after its content is a new one when the file
 * changes, and the next deploy rolls the services that use it over to it.
 */
function contentNamed(entry, key) {
  if (!entry.file) return entry;
  const hash = createHash('sha256').update(readFileSync(entry.file)).digest('hex').slice(0, 12);
  return { file: entry.file, name: `pss-${key}-${hash}` };
}

const mapValues = (object, map) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value, key)]));

function swarmService(service, endpointMode) {
  const swarm = Object.fromEntries(
    Object.entries(service).filter(
      ([key, value]) => value !== null && !LOCAL_ONLY_SERVICE_KEYS.includes(key),
    ),
  );
  // Swarm ignores `tmpfs:`; a read-only container still gets its writable paths as tmpfs mounts.
  if (swarm.tmpfs) {
    const { tmpfs, ...rest } = swarm;
    const mounts = [tmpfs].flat().map((target) => ({ type: 'tmpfs', target }));
    return swarmService({ ...rest, volumes: [...(rest.volumes ?? []), ...mounts] }, endpointMode);
  }
  if (endpointMode === 'dnsrr') {
    const { ports: _ports, ...unpublished } = swarm;
    return { ...unpublished, deploy: { ...unpublished.deploy, endpoint_mode: 'dnsrr' } };
  }
  // One published port per service: the routing mesh spreads it over the replicas, where compose
  // needs a range (one port per instance of --scale).
  if (swarm.ports)
    swarm.ports = swarm.ports.map(({ host_ip: _hostIp, published, ...port }) => ({
      ...port,
      published: Number(String(published).split('-')[0]),
    }));
  return swarm;
}

module.exports = { swarmStackFile };

if (require.main === module) {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const config = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const modeFlag = process.argv.indexOf('--endpoint-mode');
    const endpointMode = modeFlag > 0 ? process.argv[modeFlag + 1] : 'vip';
    if (!['vip', 'dnsrr'].includes(endpointMode)) throw new Error(`--endpoint-mode must be vip or dnsrr`);
    process.stdout.write(`${JSON.stringify(swarmStackFile(config, { endpointMode }), null, 2)}\n`);
  });
}
