import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/**
 * An open loop, as passengers arrive: calls `start(n, due)` when call n is due, n/rate s in,
 * whether or not the calls before have finished, for `seconds`; resolves once every call has.
 * `due` is on `performance.now()`'s clock, for timing a call from when it was due.
 */
export async function atSteadyRate(
  rate: number,
  seconds: number,
  start: (n: number, due: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const ends = started + seconds * 1000;
  const running: Promise<void>[] = [];
  for (let n = 0; ; n++) {
    const due = started + (n * 1000) / rate;
    if (due >= ends) break;
    const early = due - performance.now();
    if (early > 0) await sleep(early);
    running.push(start(n, due));
  }
  await Promise.all(running);
}
