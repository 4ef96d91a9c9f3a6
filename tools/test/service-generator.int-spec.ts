import { docker, workspaceRoot } from '@pss/testing';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SERVICE = 'zz-generated';
const PORT = 8199;
// The generator's example route and its tests: what a new service replaces with its own domain.
const EXAMPLE_DOMAIN = /\/(src\/examples|src\/migrations)\/|\/test\/examples\.int-spec\.ts$/;

/**
 * The service generator, run as a developer runs it, in a copy of this workspace (its files as
 * they are now, and its node_modules): the new service must build, pass its own unit, integration
 * and image tests, register with a registry, and cost little to have.
 */
describe(`nx g @pss/tooling:service ${SERVICE} --port ${PORT}`, () => {
  let workspace: string;
  const run = async (command: string, args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(command, args, {
        cwd: workspace,
        env: { ...process.env, NX_DAEMON: 'false' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed:\n${`${stdout}\n${stderr}`.slice(-4_000)}`);
    }
  };

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pss-generator-'));
    const files = (
      await promisify(execFile)('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
        cwd: workspaceRoot,
      })
    ).stdout
      .split('\0')
      .filter(Boolean);
    for (const file of files) cpSync(join(workspaceRoot, file), join(workspace, file), { recursive: true });
    symlinkSync(join(workspaceRoot, 'node_modules'), join(workspace, 'node_modules'));
    await run('git', ['init', '-q']);
    await run('git', ['add', '-A']);
    await run('git', ['-c', 'user.name=test', '-c', 'user.email=test@pss', 'commit', '-qm', 'before']);
    await run('npx', ['nx', 'g', '@pss/tooling:service', SERVICE, '--port', String(PORT)]);
    await run('git', ['add', '-A']);
  }, 120_000);

  afterAll(async () => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    await docker
      .getImage(`pss/${SERVICE}:test`)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('adds fewer than 150 lines outside the example domain it comes with', async () => {
    const added = (await run('git', ['diff', '--cached', '--numstat']))
      .trim()
      .split('\n')
      .map((line) => line.split('\t'))
      .map(([lines, , file]) => ({ file, lines: Number(lines) }));
    expect(added.every(({ file }) => file.startsWith(`apps/${SERVICE}/`))).toBe(true);
    const template = added.filter(({ file }) => !EXAMPLE_DOMAIN.test(`/${file}`));
    const cost = template.reduce((sum, { lines }) => sum + lines, 0);
    console.log(
      `generated ${SERVICE}: ${cost} lines outside its example domain, in ${template.map(({ file }) => file.replace(`apps/${SERVICE}/`, '')).join(', ')}`,
    );
    expect(cost).toBeLessThan(150);
  });

  it('type checks, lints, keeps its Dockerfile in sync and follows the layout rules', async () => {
    await run('npx', ['tsc', '-p', `apps/${SERVICE}/tsconfig.json`, '--noEmit']);
    await run('npx', ['eslint', `apps/${SERVICE}`, '--max-warnings=0']);
    await run('npx', ['nx', 'sync:check']);
    await run('bash', [
      'scripts/jest.sh',
      '--config',
      'jest.unit.config.ts',
      '--selectProjects',
      'tooling',
      '--testPathPatterns',
      'layout',
    ]);
  }, 300_000);

  /** Runs jest in the copy and returns its JSON report. */
  const jest = async (...args: string[]) => {
    const report = join(workspace, 'jest-report.json');
    await run('bash', [...args, '--json', '--outputFile', report]);
    return JSON.parse(readFileSync(report, 'utf8'));
  };

  it('passes its unit tests', async () => {
    const report = await jest(
      'scripts/jest.sh',
      '--config',
      'jest.unit.config.ts',
      '--selectProjects',
      SERVICE,
    );
    expect(report).toMatchObject({ success: true, numFailedTests: 0 });
    expect(report.numPassedTests).toBeGreaterThan(0);
  }, 120_000);

  it('passes its integration and image tests: migrated, serving, registered with a registry', async () => {
    const report = await jest('scripts/int-test.sh', `apps/${SERVICE}`);
    expect(report).toMatchObject({ success: true, numFailedTests: 0 });
    const names = report.testResults.flatMap((suite: { assertionResults: { fullName: string }[] }) =>
      suite.assertionResults.map((test) => test.fullName),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/registers as UP at its address and the port it listens on/),
      ]),
    );
  }, 900_000);
});
