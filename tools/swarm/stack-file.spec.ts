import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { swarmStackFile } from './stack-file';

const dir = mkdtempSync(join(tmpdir(), 'stack-file-'));
const rules = join(dir, 'rules.yml');
writeFileSync(rules, 'groups: []\n');

// The shape `docker compose config --format json` prints.
const composed = () => ({
  name: 'pss',
  services: {
    fares: {
      build: {
        context: '/repo',
        dockerfile: 'apps/fares/fares.Dockerfile',
        secrets: [{ source: 'extra_ca' }],
      },
      depends_on: { 'fares-db': { condition: 'service_healthy', required: true } },
      restart: 'unless-stopped',
      group_add: ['999'],
      command: null,
      image: 'pss/fares:local',
      deploy: { replicas: 2 },
      ports: [
        { mode: 'ingress', host_ip: '127.0.0.1', target: 8080, published: '8080-8082', protocol: 'tcp' },
      ],
    },
    'fares-db': {
      image: 'postgres:17-trixie',
      read_only: true,
      tmpfs: ['/tmp', '/var/run/postgresql'],
      volumes: [{ type: 'volume', source: 'fares-data', target: '/var/lib/postgresql/data' }],
    },
    prometheus: {
      image: 'prom/prometheus:v2.53.3',
      configs: [{ source: 'prometheus-rules', target: '/etc/prometheus/rules.yml' }],
    },
  },
  networks: {
    default: { name: 'pss_default', ipam: {} },
    'fares-data': { name: 'pss_fares-data', internal: true, ipam: {} },
  },
  volumes: { 'fares-data': { name: 'pss_fares-data' } },
  configs: { 'prometheus-rules': { name: 'pss_prometheus-rules', file: rules } },
  secrets: { extra_ca: { name: 'pss_extra_ca', file: '/etc/ssl/certs/ca-certificates.crt' } },
});

describe('swarmStackFile', () => {
  const stack = swarmStackFile(composed());

  it('drops what only compose runs: builds, start order, restart, extra groups, and the build-only secret', () => {
    expect(Object.keys(stack.services.fares).sort()).toEqual(['deploy', 'image', 'ports']);
    expect(stack.secrets).toBeUndefined();
  });

  it('mounts what compose lists under tmpfs as tmpfs volumes, which Swarm does support', () => {
    expect(stack.services['fares-db'].tmpfs).toBeUndefined();
    expect(stack.services['fares-db'].volumes).toEqual([
      { type: 'volume', source: 'fares-data', target: '/var/lib/postgresql/data' },
      { type: 'tmpfs', target: '/tmp' },
      { type: 'tmpfs', target: '/var/run/postgresql' },
    ]);
  });

  it('publishes one port per service, on every node (the routing mesh spreads it over the replicas)', () => {
    expect(stack.services.fares.ports).toEqual([
      { mode: 'ingress', target: 8080, published: 8080, protocol: 'tcp' },
    ]);
  });

  it('lets the stack name its networks and volumes, encrypts every network, and lets only the default one be joined', () => {
    expect(stack.networks).toEqual({
      default: { ipam: {}, driver_opts: { encrypted: 'true' }, attachable: true },
      'fares-data': { ipam: {}, internal: true, driver_opts: { encrypted: 'true' }, attachable: false },
    });
    expect(stack.volumes).toEqual({ 'fares-data': {} });
  });

  it('names a config after its content, so that a changed file is a new config', () => {
    const before = stack.configs['prometheus-rules'].name;
    expect(before).toMatch(/^pss-prometheus-rules-[0-9a-f]{12}$/);
    writeFileSync(rules, 'groups: [{ name: changed, rules: [] }]\n');
    expect(swarmStackFile(composed()).configs['prometheus-rules'].name).not.toBe(before);
  });

  it('with DNS round-robin endpoints, publishes nothing (there is no routing mesh to publish through)', () => {
    const dnsrr = swarmStackFile(composed(), { endpointMode: 'dnsrr' });
    expect(dnsrr.services.fares.ports).toBeUndefined();
    expect(dnsrr.services.fares.deploy).toEqual({ replicas: 2, endpoint_mode: 'dnsrr' });
  });
});
