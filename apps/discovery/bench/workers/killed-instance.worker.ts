import { machine, sleep, startRegistry, startTiny } from '../bench-support';
import { runMain, startCaller, stopAll } from './caller';

const CALL_EVERY_MS = 10;
const KILL_AFTER_MS = 3_000;
const RUN_MS = 25_000;

async function main(): Promise<void> {
  console.log(
    `killed instance (${machine()}); libs/discovery defaults: heartbeat 5 s, lease 15 s, fetch 1 s`,
  );
  const registry = await startRegistry();
  const tinies = await Promise.all([1, 2, 3].map(() => startTiny(registry.port)));
  const caller = await startCaller(registry.port);
  const victim = tinies[0];
  const attempts: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (new URL(String(input)).port === String(victim.port)) attempts.push(Date.now());
    return realFetch(input, init);
  };
  try {
    while (caller.discovery.instances('TINY').length < 3) await sleep(50);
    let calls = 0;
    let failures = 0;
    let killedAt = 0;
    let droppedAt = 0;
    const started = Date.now();
    while (Date.now() - started < RUN_MS) {
      if (!killedAt && Date.now() - started >= KILL_AFTER_MS) {
        await victim.kill();
        killedAt = Date.now();
      }
      const ok = await caller.http.get('tiny', '/whoami').then(
        (response) => response.ok,
        () => false,
      );
      calls++;
      if (!ok) failures++;
      const listed = caller.discovery.instances('TINY').some((instance) => instance.port.$ === victim.port);
      if (killedAt && !listed && !droppedAt) droppedAt = Date.now();
      await sleep(CALL_EVERY_MS);
    }
    const after = attempts.filter((at) => at >= killedAt).map((at) => at - killedAt);
    const firstBurst = after.filter((offset) => offset < 1_000);
    console.log(`${calls} calls, ${failures} failed (target 0)`);
    console.log(
      `connection attempts to the killed instance after the kill: ${after.length} ` +
        `(at +${after.join(', +')} ms); circuit open after +${Math.max(0, ...firstBurst)} ms; ` +
        `last attempt +${Math.max(0, ...after)} ms (target < 5000 ms)`,
    );
    console.log(
      `gone from the caller's instance list after +${droppedAt ? droppedAt - killedAt : 'never'} ms (lease 15 s + eviction + fetch)`,
    );
  } finally {
    globalThis.fetch = realFetch;
    await stopAll(caller, tinies, registry);
  }
}

runMain(main);
