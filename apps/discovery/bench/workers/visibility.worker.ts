import { machine, sleep, startRegistry, startTiny, summary, type Child } from '../bench-support';
import { runMain, startCaller, stopAll } from './caller';

const NEW_INSTANCES = 3;

async function main(): Promise<void> {
  console.log(`registration visibility (${machine()})`);
  const registry = await startRegistry();
  const caller = await startCaller(registry.port);
  const tinies: Child[] = [];
  const latencies: number[] = [];
  try {
    for (let i = 0; i < NEW_INSTANCES; i++) {
      const tiny = await startTiny(registry.port); // resolves when the new service answers HTTP
      tinies.push(tiny);
      const listening = Date.now();
      const visible = () =>
        caller.discovery.instances('TINY').some((instance) => instance.port.$ === tiny.port);
      while (!visible()) {
        if (Date.now() - listening > 30_000) throw new Error('instance never became visible');
        await sleep(10);
      }
      latencies.push(Date.now() - listening);
    }
    console.log(
      `new instance UP -> in another service's instance list: ${summary(latencies)} (target < 3000 ms)`,
    );
  } finally {
    await stopAll(caller, tinies, registry);
  }
}

runMain(main);
