import type Docker from 'dockerode';
import { NUMBER } from './compose-labels';

/** How to make a new container like `template`, numbered `number`. */
export interface SiblingSpec {
  create: Docker.ContainerCreateOptions;
  /** Networks beyond the first: the engine (API 1.41) joins one at creation, the rest after. */
  moreNetworks: { network: string; aliases: string[] }[];
}

/**
 * The creation options of a sibling of `template`: its image, environment, labels (its own
 * container number, so that `docker compose ps` lists it and `down` removes it), health check,
 * user, host settings (limits, mounts and secret files, read-only root, capabilities, restart
 * policy) and networks with the aliases compose gave it. A published port is kept only as a
 * range, where the engine picks a free one; a single port stays its first owner's.
 */
export function siblingSpec(
  template: Docker.ContainerInspectInfo,
  number: number,
  image: string,
): SiblingSpec {
  const name = template.Name.replace(/^\//, '').replace(/\d+$/, String(number));
  const { Hostname: _hostname, ...config } = template.Config;
  const [first, ...rest] = Object.entries(template.NetworkSettings.Networks).map(([network, endpoint]) => ({
    network,
    aliases: siblingAliases(endpoint.Aliases ?? [], template, name),
  }));
  return {
    create: {
      ...config,
      name,
      Image: image,
      Labels: { ...config.Labels, [NUMBER]: String(number) },
      HostConfig: {
        ...template.HostConfig,
        NetworkMode: first?.network ?? template.HostConfig.NetworkMode,
        PortBindings: rangesOnly(template.HostConfig.PortBindings as PortBindings | undefined),
      },
      NetworkingConfig: first && { EndpointsConfig: { [first.network]: { Aliases: first.aliases } } },
    },
    moreNetworks: rest,
  };
}

type PortBindings = Record<string, { HostIp?: string; HostPort?: string }[] | null>;

function rangesOnly(bindings: PortBindings | undefined): PortBindings {
  const kept: PortBindings = {};
  for (const [port, hosts] of Object.entries(bindings ?? {})) {
    const ranges = (hosts ?? []).filter((host) => host.HostPort?.includes('-'));
    if (ranges.length > 0) kept[port] = ranges;
  }
  return kept;
}

/** The service's aliases; the template's own names (its id, its container name) become the new one's. */
function siblingAliases(aliases: string[], template: Docker.ContainerInspectInfo, name: string): string[] {
  const own = new Set([template.Id.slice(0, 12), template.Config.Hostname]);
  const templateName = template.Name.replace(/^\//, '');
  return aliases.filter((alias) => !own.has(alias)).map((alias) => (alias === templateName ? name : alias));
}
