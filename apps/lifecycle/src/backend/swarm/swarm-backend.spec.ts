import type Docker from 'dockerode';
import type { TaskInfo } from './replica-of-task';
import { SwarmBackend } from './swarm-backend';

interface FakeService {
  ID: string;
  Version: { Index: number };
  Spec: {
    Name: string;
    Labels: Record<string, string>;
    Mode: object;
    TaskTemplate: { ContainerSpec: { Image: string } };
  };
}

/**
 * The engine's service and task API as Swarm answers it, in memory: an update must name the
 * service's current version (else it is refused, as the engine refuses it), and a changed replica
 * count starts or stops tasks at once. Scaling down stops the highest slots, or the lowest with
 * `removesLowest` (a Swarm balancing its nodes).
 */
function fakeSwarm({ removesLowest = false } = {}) {
  const services: FakeService[] = [];
  const tasks: TaskInfo[] = [];
  let ids = 0;
  const service = (name: string, image: string, replicas: number, stack = 'pss') => {
    const created: FakeService = {
      ID: `${stack}-${name}`,
      Version: { Index: 1 },
      Spec: {
        Name: `${stack}_${name}`,
        Labels: { 'com.docker.stack.namespace': stack },
        Mode: { Replicated: { Replicas: replicas } },
        TaskTemplate: { ContainerSpec: { Image: image } },
      },
    };
    services.push(created);
    reconcile(created);
  };
  const running = (of: FakeService) =>
    tasks.filter((task) => task.ServiceID === of.ID && task.DesiredState === 'running');
  function reconcile(of: FakeService) {
    const wanted = (of.Spec.Mode as { Replicated: { Replicas: number } }).Replicated.Replicas;
    const now = running(of).sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0));
    for (let slot = Math.max(0, ...now.map((task) => task.Slot ?? 0)) + 1; now.length < wanted; slot += 1) {
      ids += 1;
      const task: TaskInfo = {
        ID: `task-${ids}`,
        ServiceID: of.ID,
        Slot: slot,
        DesiredState: 'running',
        Status: { State: 'running', Timestamp: '2026-12-04T10:00:00Z' },
        Spec: { ContainerSpec: { Image: of.Spec.TaskTemplate.ContainerSpec.Image } },
        NetworksAttachments: [{ Addresses: [`10.0.1.${ids}/24`] }],
      };
      tasks.push(task);
      now.push(task);
    }
    const extra = now.length - wanted;
    const stopped = removesLowest
      ? now.slice(0, Math.max(0, extra))
      : now.slice(now.length - Math.max(0, extra));
    for (const task of stopped) {
      task.DesiredState = 'shutdown';
      task.Status = { State: 'shutdown' };
    }
  }
  const docker = {
    listServices: async ({ filters }: { filters: { label: string[] } }) =>
      structuredClone(
        services.filter((s) =>
          filters.label.every(
            (label) => `com.docker.stack.namespace=${s.Spec.Labels['com.docker.stack.namespace']}` === label,
          ),
        ),
      ),
    listTasks: async ({ filters }: { filters: { service: string[] } }) =>
      structuredClone(
        tasks.filter((t) => filters.service.includes(t.ServiceID) && t.DesiredState === 'running'),
      ),
    getTask: (id: string) => ({
      inspect: async () => {
        const task = tasks.find((t) => t.ID === id);
        if (!task) throw Object.assign(new Error('no such task'), { statusCode: 404 });
        return structuredClone(task);
      },
    }),
    getService: (id: string) => ({
      update: async ({ version, ...spec }: { version: number } & FakeService['Spec']) => {
        const found = services.find((s) => s.ID === id);
        if (!found) throw new Error('no such service');
        // The engine refuses an update made from an older read.
        if (version !== found.Version.Index) throw new Error('update out of sequence');
        await new Promise((resolve) => setImmediate(resolve));
        found.Spec = spec;
        found.Version.Index += 1;
        reconcile(found);
      },
    }),
  };
  return {
    docker: docker as unknown as Docker,
    service,
    replicasOf: (name: string) =>
      tasks.filter((t) => t.ServiceID === `pss-${name}` && t.DesiredState === 'running').length,
  };
}

describe('the Swarm backend', () => {
  it('lists the replicated services of its stack that run their own image, each task with its slot and address', async () => {
    const swarm = fakeSwarm();
    swarm.service('fares', '127.0.0.1:5000/pss/fares:0.1.0-abc@sha256:1234', 2);
    swarm.service('discovery-1', '127.0.0.1:5000/pss/discovery:0.1.0-abc@sha256:1234', 1);
    swarm.service('fares-db', 'postgres:17-trixie', 1);
    swarm.service('fares', 'pss/fares:local', 1, 'another-stack');
    const replicas = await new SwarmBackend(swarm.docker, 'pss').replicas();
    expect([...replicas.keys()]).toEqual(['fares']);
    expect(replicas.get('fares')).toEqual([
      expect.objectContaining({
        name: 'pss_fares.1',
        number: 1,
        state: 'running',
        version: '0.1.0-abc',
        addresses: ['10.0.1.1'],
      }),
      expect.objectContaining({ name: 'pss_fares.2', number: 2, addresses: ['10.0.1.2'] }),
    ]);
  });

  it('adds replicas one after another and, removing two at once, lowers the count by two', async () => {
    const swarm = fakeSwarm();
    swarm.service('fares', 'pss/fares:local', 1);
    const backend = new SwarmBackend(swarm.docker, 'pss');
    const added = [await backend.addReplica('fares'), await backend.addReplica('fares')];
    expect(added.map((replica) => replica.number)).toEqual([2, 3]);
    expect(swarm.replicasOf('fares')).toBe(3);
    await Promise.all(added.reverse().map((replica) => backend.removeReplica(replica)));
    expect(swarm.replicasOf('fares')).toBe(1);
  });

  it('fails, naming both, when Swarm stops another task than the one drained', async () => {
    const swarm = fakeSwarm({ removesLowest: true });
    swarm.service('fares', 'pss/fares:local', 2);
    const backend = new SwarmBackend(swarm.docker, 'pss');
    const [, newest] = (await backend.replicas()).get('fares') ?? [];
    await expect(backend.removeReplica(newest)).rejects.toThrow('Swarm removed pss_fares.1, not pss_fares.2');
  });
});
