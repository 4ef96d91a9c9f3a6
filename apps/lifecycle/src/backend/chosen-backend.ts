import { Injectable } from '@nestjs/common';
import Docker from 'dockerode';
import { hostname } from 'node:os';
import { LifecycleConfig } from '../config/lifecycle-config';
import type { Backend, Replica } from './backend';
import { ComposeBackend } from './compose/compose-backend';
import { PROJECT } from './compose/compose-labels';
import { SwarmBackend } from './swarm/swarm-backend';
import { STACK } from './swarm/swarm-labels';

/**
 * The backend for where lifecycle runs, chosen at its first use: the Swarm stack or compose project
 * named by LIFECYCLE_SWARM_STACK or LIFECYCLE_COMPOSE_PROJECT, else its own container's (its
 * labels). Outside both, every call fails saying so; nothing else needs the engine.
 */
@Injectable()
export class ChosenBackend implements Backend {
  private chosen?: Promise<Backend>;

  constructor(private readonly config: LifecycleConfig) {}

  async describe(): Promise<string> {
    return (await this.backend()).describe();
  }

  async replicas(): Promise<Map<string, Replica[]>> {
    return (await this.backend()).replicas();
  }

  async replica(id: string): Promise<Replica | undefined> {
    return (await this.backend()).replica(id);
  }

  async addReplica(service: string): Promise<Replica> {
    return (await this.backend()).addReplica(service);
  }

  async removeReplica(replica: Replica): Promise<void> {
    return (await this.backend()).removeReplica(replica);
  }

  private backend(): Promise<Backend> {
    this.chosen ??= this.choose();
    // A failed choice (the engine not reachable yet) is made again at the next call.
    this.chosen.catch(() => (this.chosen = undefined));
    return this.chosen;
  }

  private async choose(): Promise<Backend> {
    const docker = new Docker({ socketPath: this.config.dockerSocketPath });
    const { swarmStack, composeProject } = this.config;
    if (swarmStack) return new SwarmBackend(docker, swarmStack);
    if (composeProject) return new ComposeBackend(docker, composeProject);
    // A container's host name is its id's first 12 characters unless it was given another.
    const own = await docker
      .getContainer(hostname())
      .inspect()
      .catch(() => undefined);
    const labels = own?.Config.Labels ?? {};
    if (labels[STACK]) return new SwarmBackend(docker, labels[STACK]);
    if (labels[PROJECT]) return new ComposeBackend(docker, labels[PROJECT]);
    throw new Error(
      'not in a compose or Swarm container: set LIFECYCLE_COMPOSE_PROJECT or LIFECYCLE_SWARM_STACK to what to manage',
    );
  }
}
