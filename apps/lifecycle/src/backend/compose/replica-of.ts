import type Docker from 'dockerode';
import type { Replica } from '../backend';
import { NUMBER, VERSION } from './compose-labels';

const NEVER_STARTED = '0001-01-01T00:00:00Z';

export function replicaOf(info: Docker.ContainerInspectInfo): Replica {
  const started = info.State.StartedAt;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    number: Number(info.Config.Labels[NUMBER]) || 0,
    state: info.State.Status,
    health: info.State.Health?.Status,
    image: info.Config.Image,
    version: info.Config.Labels[VERSION],
    startedAt: started && started !== NEVER_STARTED ? started : undefined,
    addresses: Object.values(info.NetworkSettings.Networks)
      .map((endpoint) => endpoint.IPAddress)
      .filter(Boolean),
  };
}
