import { execFileSync } from 'node:child_process';
import { workspaceRoot } from '@pss/testing';

// Runs releaseStartupMemory in a fresh Node process, after it has built and dropped tens of MiB of
// objects the way a service's start-up does, and an ordinary collection has freed them; prints what
// it returned and the RSS (MiB) before and after.
function afterStartupGarbage(nodeFlags: string[]): { released: boolean; before: number; after: number } {
  const script = `
    const { releaseStartupMemory } = require('./libs/platform/src/bootstrap/startup-garbage.ts');
    const rss = () => process.memoryUsage().rss / 1048576;
    let startup = [];
    for (let i = 0; i < 300000; i++) startup.push({ id: i, name: 'module ' + i, deps: [i, i + 1] });
    startup = null;
    globalThis.gc?.();
    const before = rss();
    const released = releaseStartupMemory();
    process.stdout.write(JSON.stringify({ released, before, after: rss() }));`;
  const output = execFileSync(
    process.execPath,
    [...nodeFlags, '--require', '@swc-node/register', '-e', script],
    {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    },
  );
  return JSON.parse(output);
}

describe('releaseStartupMemory', () => {
  it('gives back the pages that an ordinary collection keeps pooled after start-up', () => {
    const { released, before, after } = afterStartupGarbage(['--expose-gc']);
    expect(released).toBe(true);
    expect(before - after).toBeGreaterThan(30);
  });

  it('does nothing in a process started without --expose-gc', () => {
    expect(afterStartupGarbage([]).released).toBe(false);
  });
});
