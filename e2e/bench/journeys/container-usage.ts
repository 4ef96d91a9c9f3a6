import type { ComposeStack } from '../../src';
import { docker } from '@pss/testing';

export interface ContainerUsage {
  name: string;
  cpuSeconds: number;
  peakMiB: number;
  limitMiB: number;
}

interface Stats {
  cpu_stats: { cpu_usage: { total_usage: number } };
  memory_stats: { usage?: number; limit?: number; stats?: { inactive_file?: number } };
}

const MIB = 1024 * 1024;
const SAMPLE_MS = 500;

/**
 * Watches every container of `stack` from now on: the CPU time each spends until `stop`, and the
 * most memory it held at any sample (as `docker stats` counts it: without inactive page cache).
 */
export async function containerUsage(stack: ComposeStack): Promise<{ stop(): Promise<ContainerUsage[]> }> {
  // Every running container of the project, also those a compose override added.
  const running = await docker.listContainers({
    filters: { label: [`com.docker.compose.project=${stack.address.project}`] },
  });
  const containers = running.map(({ Id, Names }) => ({
    container: docker.getContainer(Id),
    name: Names[0].replace(/^\//, ''),
  }));
  const stats = (container: (typeof containers)[number]['container']) =>
    container.stats({ stream: false, 'one-shot': true } as { stream: false }) as unknown as Promise<Stats>;
  const used = ({ memory_stats: memory }: Stats) =>
    ((memory.usage ?? 0) - (memory.stats?.inactive_file ?? 0)) / MIB;
  const first = await Promise.all(containers.map(({ container }) => stats(container)));
  const peaks = first.map(used);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      const now = await Promise.all(
        containers.map(({ container }) => stats(container).catch(() => undefined)),
      );
      now.forEach((sample, i) => sample && (peaks[i] = Math.max(peaks[i], used(sample))));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await sampler;
      const last = await Promise.all(containers.map(({ container }) => stats(container)));
      return containers
        .map(({ name }, i) => ({
          name,
          cpuSeconds:
            (last[i].cpu_stats.cpu_usage.total_usage - first[i].cpu_stats.cpu_usage.total_usage) / 1e9,
          peakMiB: Math.max(peaks[i], used(last[i])),
          limitMiB: (last[i].memory_stats.limit ?? 0) / MIB,
        }))
        .sort((a, b) => b.cpuSeconds - a.cpuSeconds);
    },
  };
}
