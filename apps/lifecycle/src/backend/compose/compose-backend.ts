import type Docker from 'dockerode';
import type { Backend, Replica } from '../backend';
import { NUMBER, ONE_OFF, PROJECT, SERVICE, TITLE } from './compose-labels';
import { replicaOf } from './replica-of';
import { siblingSpec } from './sibling-spec';

/**
 * The containers of one compose project (backend-choice.ts says which). A PSS service is a compose
 * service whose image's title is `pss-<service>` (the registry peers, `discovery-1` and `-2`, and
 * the data stores are not).
 */
export class ComposeBackend implements Backend {
  constructor(
    private readonly docker: Docker,
    private readonly project: string,
  ) {}

  async describe(): Promise<string> {
    return `compose project ${this.project}`;
  }

  async replicas(): Promise<Map<string, Replica[]>> {
    const byService = new Map<string, Replica[]>();
    for (const info of await this.containers()) {
      const service = info.Config.Labels[SERVICE];
      byService.set(service, [...(byService.get(service) ?? []), replicaOf(info)]);
    }
    for (const list of byService.values()) list.sort((a, b) => a.number - b.number);
    return byService;
  }

  async replica(id: string): Promise<Replica | undefined> {
    const info = await this.docker
      .getContainer(id)
      .inspect()
      .catch(() => undefined);
    return info && replicaOf(info);
  }

  async addReplica(service: string): Promise<Replica> {
    const siblings = (await this.containers()).filter((info) => info.Config.Labels[SERVICE] === service);
    const template = siblings.find((info) => info.State.Running) ?? siblings[0];
    if (!template) throw new Error(`${service} has no container to copy`);
    const number = Math.max(...siblings.map((info) => Number(info.Config.Labels[NUMBER]) || 0)) + 1;
    const { create, moreNetworks } = siblingSpec(template, number, await this.imageOf(template));
    const container = await this.docker.createContainer(create);
    for (const { network, aliases } of moreNetworks)
      await this.docker
        .getNetwork(network)
        .connect({ Container: container.id, EndpointConfig: { Aliases: aliases } });
    await container.start();
    return replicaOf(await container.inspect());
  }

  async removeReplica(replica: Replica): Promise<void> {
    const container = this.docker.getContainer(replica.id);
    // Without a time the engine waits the container's own stop timeout (compose's stop_grace_period).
    await container.stop().catch(ignoreNotRunning);
    await container.remove();
  }

  private async containers(): Promise<Docker.ContainerInspectInfo[]> {
    const listed = await this.docker.listContainers({
      all: true,
      filters: { label: [`${PROJECT}=${this.project}`, `${ONE_OFF}=False`] },
    });
    const pss = listed.filter(({ Labels }) => Labels[TITLE] === `pss-${Labels[SERVICE]}`);
    return Promise.all(pss.map(({ Id }) => this.docker.getContainer(Id).inspect()));
  }

  /** The image by the name its siblings were made from, unless that name now means another one. */
  private async imageOf(template: Docker.ContainerInspectInfo): Promise<string> {
    const named = await this.docker
      .getImage(template.Config.Image)
      .inspect()
      .catch(() => undefined);
    return named?.Id === template.Image ? template.Config.Image : template.Image;
  }
}

function ignoreNotRunning(error: { statusCode?: number }): void {
  if (error.statusCode !== 304) throw error;
}
