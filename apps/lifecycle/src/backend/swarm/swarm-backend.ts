import type Docker from 'dockerode';
import { waitFor } from '../../support/wait-for';
import { STOPPED, type Backend, type Replica } from '../backend';
import { replicaOfTask, type TaskInfo } from './replica-of-task';
import { STACK } from './swarm-labels';

const TASK_TIMEOUT_MS = 60_000;

interface SwarmService {
  ID: string;
  Version: { Index: number };
  Spec: {
    Name: string;
    Mode?: { Replicated?: { Replicas?: number } };
    TaskTemplate: { ContainerSpec: { Image: string } };
  };
}

/**
 * The services of one Swarm stack, scaled through their replica count (lifecycle runs on a manager
 * node). A PSS service is a replicated service `<stack>_<name>` whose image is named `…/<name>`
 * (the registry peers, `discovery-1` and `-2`, run the discovery image; the data stores are not
 * PSS's). Swarm chooses the task a scale-down removes: on one node, or with the tasks balanced
 * over the nodes, a task that is not running first, then the highest slot, which is the replica
 * the Scaler drains (scale-plan.ts). Should Swarm remove another, the scale fails, saying which.
 */
export class SwarmBackend implements Backend {
  // Each replica count is read, changed and written back under one turn: two changes at once
  // would both start from the same count.
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly docker: Docker,
    private readonly stack: string,
  ) {}

  async describe(): Promise<string> {
    return `swarm stack ${this.stack}`;
  }

  async replicas(): Promise<Map<string, Replica[]>> {
    const byService = new Map<string, Replica[]>();
    for (const service of await this.services())
      byService.set(this.nameOf(service), await this.tasksOf(service));
    return byService;
  }

  async replica(id: string): Promise<Replica | undefined> {
    const task = (await this.docker
      .getTask(id)
      .inspect()
      .catch(() => undefined)) as TaskInfo | undefined;
    if (!task || task.DesiredState !== 'running') return undefined;
    const service = (await this.services()).find((candidate) => candidate.ID === task.ServiceID);
    return service && replicaOfTask(task, service.Spec.Name);
  }

  async addReplica(name: string): Promise<Replica> {
    const before = new Set((await this.replicasOf(name)).map((replica) => replica.id));
    await this.changeReplicas(name, +1);
    let added: Replica | undefined;
    await waitFor(
      `a new task of ${name}`,
      async () => {
        added = (await this.replicasOf(name)).find((replica) => !before.has(replica.id));
        return added !== undefined;
      },
      TASK_TIMEOUT_MS,
    );
    return added as Replica;
  }

  async removeReplica(replica: Replica): Promise<void> {
    const task = (await this.docker
      .getTask(replica.id)
      .inspect()
      .catch(() => undefined)) as TaskInfo | undefined;
    const service = task && (await this.services()).find((candidate) => candidate.ID === task.ServiceID);
    if (!service) return;
    const name = this.nameOf(service);
    const before = await this.tasksOf(service);
    await this.changeReplicas(name, -1);
    let removed: Replica[] = [];
    await waitFor(
      `a task of ${name} to stop`,
      async () => {
        const now = new Set((await this.tasksOf(service)).map((r) => r.id));
        removed = before.filter((r) => !now.has(r.id));
        return removed.length > 0;
      },
      TASK_TIMEOUT_MS,
    );
    if (!removed.some((r) => r.id === replica.id))
      throw new Error(
        `Swarm removed ${removed.map((r) => r.name).join(', ')}, not ${replica.name}, which still runs`,
      );
    // Gone once its container has stopped (SIGTERM, then the service's stop grace period).
    await waitFor(
      `${replica.name} to stop`,
      async () => {
        const task = (await this.docker
          .getTask(replica.id)
          .inspect()
          .catch(() => undefined)) as TaskInfo | undefined;
        return !task || STOPPED.has(task.Status.State);
      },
      TASK_TIMEOUT_MS,
    );
  }

  /** The running tasks of `service`, lowest slot first. */
  private async tasksOf(service: SwarmService): Promise<Replica[]> {
    const tasks: TaskInfo[] = await this.docker.listTasks({
      filters: { service: [service.ID], 'desired-state': ['running'] },
    });
    return tasks.map((task) => replicaOfTask(task, service.Spec.Name)).sort((a, b) => a.number - b.number);
  }

  private async replicasOf(name: string): Promise<Replica[]> {
    const service = (await this.services()).find((candidate) => this.nameOf(candidate) === name);
    return service ? this.tasksOf(service) : [];
  }

  private changeReplicas(name: string, by: number): Promise<void> {
    const change = this.turn.then(async () => {
      const service = (await this.services()).find((candidate) => this.nameOf(candidate) === name);
      if (!service) throw new Error(`no service ${this.stack}_${name}`);
      const spec = structuredClone(service.Spec);
      const replicas = (spec.Mode?.Replicated?.Replicas ?? 0) + by;
      spec.Mode = { Replicated: { Replicas: replicas } };
      await this.docker.getService(service.ID).update({ version: service.Version.Index, ...spec });
    });
    this.turn = change.catch(() => undefined);
    return change;
  }

  private async services(): Promise<SwarmService[]> {
    const listed = (await this.docker.listServices({
      filters: { label: [`${STACK}=${this.stack}`] },
    })) as unknown as SwarmService[];
    return listed.filter((service) => service.Spec.Mode?.Replicated && this.isPss(service));
  }

  private nameOf(service: SwarmService): string {
    return service.Spec.Name.slice(this.stack.length + 1);
  }

  private isPss(service: SwarmService): boolean {
    const repository = service.Spec.TaskTemplate.ContainerSpec.Image.replace(/@.*$/, '').replace(
      /:[^:/]+$/,
      '',
    );
    return repository.split('/').at(-1) === this.nameOf(service);
  }
}
