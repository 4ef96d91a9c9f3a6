import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@pss/testing';

// A failing integration test that leaves a server listening once kept jest from exiting until CI's
// time limit. The integration config must end such a run, fail it, and name what was left open.
describe('an integration run that fails and leaks a handle', () => {
  it('ends by itself, fails, and names the handle left open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pss-leaky-'));
    writeFileSync(join(folder, 'no-containers.js'), 'module.exports = async () => {};\n');
    writeFileSync(
      join(folder, 'leaky.int-spec.ts'),
      `import { createServer } from 'node:net';
       it('fails with a server still listening', async () => {
         await new Promise<void>((resolve) => createServer().listen(0, '127.0.0.1', resolve));
         expect('the deliberate failure').toBe('a pass');
       });\n`,
    );
    const jest = spawn(
      'bash',
      [
        'scripts/jest.sh',
        '--config',
        'jest.int.config.ts',
        '--roots',
        folder,
        '--globalSetup',
        join(folder, 'no-containers.js'),
        join(folder, 'leaky.int-spec.ts'),
      ],
      { cwd: workspaceRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    jest.stdout.on('data', (chunk) => (output += chunk));
    jest.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => jest.on('exit', resolve));

    expect(code).toBe(1);
    expect(output).toContain('Tests:       1 failed, 1 total');
    expect(output).toMatch(/integration tests left open: .*TCPServerWrap x1/);
  }, 90_000);
});
