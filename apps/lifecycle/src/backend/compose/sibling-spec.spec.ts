import type Docker from 'dockerode';
import { siblingSpec } from './sibling-spec';

const template = {
  Id: 'abcdef1234567890',
  Name: '/pss-fares-1',
  Image: 'sha256:1',
  Config: {
    Hostname: 'abcdef123456',
    Image: 'pss/fares:local',
    Env: ['LOG_LEVEL=info'],
    User: 'node',
    Labels: { 'com.docker.compose.service': 'fares', 'com.docker.compose.container-number': '1' },
    Healthcheck: { Test: ['CMD', 'node', 'health.js'] },
  },
  HostConfig: {
    NetworkMode: 'pss_default',
    ReadonlyRootfs: true,
    Memory: 805306368,
    Mounts: [{ Type: 'bind', Source: '/s/fares-discovery-urls', Target: '/run/secrets/discovery-urls' }],
    PortBindings: {
      '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080-8082' }],
      '9229/tcp': [{ HostIp: '127.0.0.1', HostPort: '9229' }],
    },
  },
  NetworkSettings: {
    Networks: {
      pss_default: { Aliases: ['pss-fares-1', 'fares', 'abcdef123456'] },
      'pss_fares-data': { Aliases: ['fares', 'abcdef123456'] },
    },
  },
} as unknown as Docker.ContainerInspectInfo;

describe('siblingSpec', () => {
  const { create, moreNetworks } = siblingSpec(template, 3, 'pss/fares:local');

  it('makes the next container of the service with its own name and number, the rest copied', () => {
    expect(create).toMatchObject({
      name: 'pss-fares-3',
      Image: 'pss/fares:local',
      Env: ['LOG_LEVEL=info'],
      User: 'node',
      Healthcheck: { Test: ['CMD', 'node', 'health.js'] },
      Labels: { 'com.docker.compose.service': 'fares', 'com.docker.compose.container-number': '3' },
      HostConfig: { ReadonlyRootfs: true, Memory: 805306368, Mounts: template.HostConfig.Mounts },
    });
    expect(create).not.toHaveProperty('Hostname');
  });

  it('keeps a published port range, where the engine picks a free port, and drops a single port', () => {
    expect(create.HostConfig?.PortBindings).toEqual({
      '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080-8082' }],
    });
  });

  it("joins the template's networks with the service's aliases and its own name", () => {
    expect(create.NetworkingConfig).toEqual({
      EndpointsConfig: { pss_default: { Aliases: ['pss-fares-3', 'fares'] } },
    });
    expect(create.HostConfig?.NetworkMode).toBe('pss_default');
    expect(moreNetworks).toEqual([{ network: 'pss_fares-data', aliases: ['fares'] }]);
  });
});
