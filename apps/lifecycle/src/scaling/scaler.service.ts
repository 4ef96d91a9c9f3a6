import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { RegistryNodes, type ListedInstance } from '@pss/registry-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { BACKEND, STOPPED, type Backend, type Replica } from '../backend/backend';
import { LifecycleConfig } from '../config/lifecycle-config';
import type { Progress, ProgressListener } from './progress';
import { scalePlan } from './scale-plan';
import { waitFor } from '../support/wait-for';

/**
 * Scales a service to a number of replicas. Up: new replicas like their siblings, done once each is
 * healthy and registered UP on every registry node. Down: each chosen replica is taken out of
 * service in the registry, left running until callers have stopped choosing it, then stopped with
 * SIGTERM (its shutdown finishes what it holds) and removed. One scale of a service at a time.
 */
@Injectable()
export class Scaler {
  private readonly busy = new Set<string>();

  constructor(
    @Inject(BACKEND) private readonly backend: Backend,
    private readonly registry: RegistryNodes,
    private readonly config: LifecycleConfig,
  ) {}

  /** Refuses (409) a second scale of a service still being scaled; else takes its turn. */
  claim(service: string): void {
    if (this.busy.has(service)) throw new ConflictException(`${service} is being scaled already`);
    this.busy.add(service);
  }

  /** Scales a claimed service; its turn ends however the scale ends. */
  async scale(service: string, replicas: number, report: ProgressListener): Promise<void> {
    const say = (step: Progress['step'], detail: string, container?: string) =>
      report({ at: new Date().toISOString(), service, step, detail, ...(container && { container }) });
    try {
      const current = (await this.backend.replicas()).get(service) ?? [];
      const plan = scalePlan(current, replicas);
      say('plan', `${current.length} → ${replicas}: ${describe(plan.add, plan.remove)}`);
      // One at a time: each new container takes the next number after those that exist.
      const added: Replica[] = [];
      for (let i = 0; i < plan.add; i += 1) {
        const replica = await this.backend.addReplica(service);
        say('created', `started from ${replica.image}`, replica.name);
        added.push(replica);
      }
      await Promise.all([
        ...added.map((replica) => this.untilServing(service, replica, say)),
        ...plan.remove.map((replica) => this.removeOne(service, replica, say)),
      ]);
      say('done', `${service} runs ${replicas} replica${replicas === 1 ? '' : 's'}`);
    } catch (error) {
      say('failed', error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      this.busy.delete(service);
    }
  }

  private async untilServing(service: string, added: Replica, say: Say): Promise<void> {
    await waitFor(`${added.name} is healthy`, () => this.isHealthy(added), this.config.readyTimeoutMs);
    say('healthy', 'its health check passes', added.name);
    await waitFor(
      `${added.name} is registered UP on every registry node`,
      async () => (await this.registeredEverywhere(service, added)).every((i) => i.status === 'UP'),
      this.config.readyTimeoutMs,
    );
    say('registered', 'UP on every registry node', added.name);
  }

  private async removeOne(service: string, replica: Replica, say: Say): Promise<void> {
    const ids = [...new Set((await this.registeredAnywhere(service, replica)).map((i) => i.instanceId))];
    for (const id of ids) await this.registry.overrideStatus(service.toUpperCase(), id, 'OUT_OF_SERVICE');
    if (ids.length > 0) {
      say('out-of-service', ids.join(', '), replica.name);
      await waitFor(
        `no registry node lists ${replica.name} UP`,
        async () => (await this.registeredAnywhere(service, replica)).every((i) => i.status !== 'UP'),
        this.config.readyTimeoutMs,
      );
      await sleep(this.config.drainMs);
      say('drained', `callers had ${this.config.drainMs} ms to stop choosing it`, replica.name);
    }
    await this.backend.removeReplica(replica);
    say('removed', 'stopped with SIGTERM and removed', replica.name);
  }

  private async isHealthy(replica: Replica): Promise<boolean> {
    const now = await this.backend.replica(replica.id);
    if (!now || STOPPED.has(now.state))
      throw new Error(`${replica.name} stopped (${now?.state ?? 'gone'}) before it was healthy`);
    return now.state === 'running' && (now.health === undefined || now.health === 'healthy');
  }

  /** Its instances on each answering node; empty when some answering node lists none yet. */
  private async registeredEverywhere(service: string, replica: Replica): Promise<ListedInstance[]> {
    const answered = (await this.registry.listings()).filter((listing) => 'instances' in listing);
    const perNode = answered.map((listing) => instancesAt(listing.instances, service, replica));
    return perNode.length > 0 && perNode.every((found) => found.length > 0) ? perNode.flat() : [];
  }

  /** Its instances on any answering node. */
  private async registeredAnywhere(service: string, replica: Replica): Promise<ListedInstance[]> {
    const listings = await this.registry.listings();
    return listings.flatMap((listing) =>
      'instances' in listing ? instancesAt(listing.instances, service, replica) : [],
    );
  }
}

type Say = (step: Progress['step'], detail: string, container?: string) => void;

const instancesAt = (listed: ListedInstance[], service: string, replica: Replica): ListedInstance[] =>
  listed.filter((i) => i.app === service.toUpperCase() && replica.addresses.includes(i.ipAddr));

function describe(add: number, remove: Replica[]): string {
  if (add > 0) return `adding ${add}`;
  if (remove.length > 0) return `removing ${remove.map((replica) => replica.name).join(', ')}`;
  return 'nothing to do';
}
