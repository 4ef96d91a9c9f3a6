import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 250;

/** Resolves once `done` holds; rejects after `timeoutMs`, naming `what`. */
export async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting until ${what}`);
    await sleep(POLL_MS);
  }
}
