import { docker, workspaceRoot } from '@pss/testing';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describeComposedServices, startComposeStack, type ComposeStack } from '../src';

// The two ends: its own database and RabbitMQ events (`--events`), and neither (`--no-database`).
const SERVICES = [
  { name: 'zz-generated', port: 8199, options: ['--events'], database: true },
  { name: 'zz-bare', port: 8198, options: ['--no-database'], database: false },
];
// Changed by the generator, never by hand: what it renders from services.json, and the queue of
// the service with events among everyone's subscriptions.
const GENERATED = [
  'tsconfig.json',
  'docker-compose.yml',
  'docker-compose.swarm.yml',
  '.env.example',
  'libs/contracts/src/events/pss-events.ts',
];
const MANIFEST = 'services.json';
const IMAGE_TAG = 'generator-test';
// The generator's example route and its tests: what a new service replaces with its own domain.
const EXAMPLE_DOMAIN = /\/(src\/examples|src\/migrations)\/|\/test\/examples\.int-spec\.ts$/;

/**
 * The service generator, run as a developer runs it, in a copy of this workspace (its files as
 * they are now, and its node_modules): each new service must build, pass its own unit and
 * integration tests, cost little to have, and run in the composed stack with no hand edit
 * (registered, migrated, passing every image check).
 */
describe('nx g @pss/tooling:service, with a database and events and without either', () => {
  let workspace: string;
  const run = async (command: string, args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(command, args, {
        cwd: workspace,
        // nx's plugins in its own process: a worker per plugin per command cost this suite ~90 CPU-s.
        env: { ...process.env, NX_DAEMON: 'false', NX_ISOLATE_PLUGINS: 'false' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      const output = `${stdout}\n${stderr}`;
      // The warnings and errors first, the services' JSON lines and the test processes' Nest lines
      // (a publisher's, say): the tail alone rarely says why a service failed.
      const warnings = output
        .split('\n')
        .map((line) => stripVTControlCharacters(line))
        .filter(
          (line) => /"level":[456]0| (WARN|ERROR) \[/.test(line) && !line.includes('Health Check has failed'),
        )
        .slice(-30)
        .join('\n');
      throw new Error(
        `${command} ${args.join(' ')} failed:\n${warnings.slice(-6_000)}\n...\n${output.slice(-4_000)}`,
      );
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
    // The libraries' type-check outputs, when `tsc -b` ran here (CI's first step): the copy's type
    // check then builds only the new services, as a developer's does (1 s instead of 8 to 11).
    const typeChecked = join(workspaceRoot, 'tmp', 'tsc');
    if (existsSync(typeChecked)) cpSync(typeChecked, join(workspace, 'tmp', 'tsc'), { recursive: true });
    symlinkSync(join(workspaceRoot, 'node_modules'), join(workspace, 'node_modules'));
    await run('git', ['init', '-q']);
    await run('git', ['add', '-A']);
    await run('git', ['-c', 'user.name=test', '-c', 'user.email=test@pss', 'commit', '-qm', 'before']);
    for (const { name, port, options } of SERVICES)
      await run('npx', ['nx', 'g', '@pss/tooling:service', name, '--port', String(port), ...options]);
    // The module-boundaries lint rule reads nx's cached project graph: one that has both services.
    await run('npx', ['nx', 'show', 'projects']);
    await run('git', ['add', '-A']);
  }, 180_000);

  afterAll(async () => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    for (const name of ['discovery', ...SERVICES.map((service) => service.name)])
      await docker
        .getImage(`pss/${name}:${IMAGE_TAG}`)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it.each(SERVICES)(
    'adds fewer than 150 lines outside the example domain it comes with, in its folder and services.json ($name)',
    async ({ name }) => {
      const added = (await run('git', ['diff', '--cached', '--numstat']))
        .trim()
        .split('\n')
        .map((line) => line.split('\t'))
        .map(([lines, , file]) => ({ file, lines: Number(lines) }));
      const inFolders = (file: string) =>
        SERVICES.some((service) => file.startsWith(`apps/${service.name}/`));
      expect(added.map(({ file }) => file).filter((file) => !inFolders(file))).toEqual(
        expect.arrayContaining([MANIFEST, ...GENERATED]),
      );
      expect(
        added.filter(({ file }) => !inFolders(file) && ![MANIFEST, ...GENERATED].includes(file)),
      ).toEqual([]);
      const template = added.filter(
        ({ file }) =>
          file === MANIFEST || (file.startsWith(`apps/${name}/`) && !EXAMPLE_DOMAIN.test(`/${file}`)),
      );
      const cost = template.reduce((sum, { lines }) => sum + lines, 0);
      console.log(
        `generated ${name}: ${cost} lines outside its example domain, in ${template.map(({ file }) => file.replace(`apps/${name}/`, '')).join(', ')}`,
      );
      expect(cost).toBeLessThan(150);
    },
  );

  it('type checks, lints, keeps its Dockerfile in sync and follows the layout rules', async () => {
    for (const { name } of SERVICES) await run('npx', ['tsc', '-b', `apps/${name}/tsconfig.json`]);
    await run('npx', ['eslint', ...SERVICES.map(({ name }) => `apps/${name}`), '--max-warnings=0']);
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

  const existsIn = (name: string, file: string) =>
    existsSync(join(workspace, 'apps', name, 'src/examples', file));

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
      ...SERVICES.map(({ name }) => name),
    );
    expect(report).toMatchObject({ success: true, numFailedTests: 0 });
    expect(report.numPassedTests).toBeGreaterThan(0);
  }, 120_000);

  it('passes their integration tests: serving, registered with a registry, the first one migrated', async () => {
    const report = await jest('scripts/int-test.sh', ...SERVICES.map(({ name }) => `apps/${name}`));
    expect(report).toMatchObject({ success: true, numFailedTests: 0 });
    const names: string[] = report.testResults.flatMap(
      (suite: { assertionResults: { fullName: string }[] }) =>
        suite.assertionResults.map((test) => test.fullName),
    );
    expect(names).toContainEqual(expect.stringMatching(/zz-generated.*migrations that revert/));
    expect(names).toContainEqual(expect.stringMatching(/zz-generated.*each flight the schedule announces/));
    expect(names).toContainEqual(expect.stringMatching(/zz-generated.*each flight of a bulk load/));
    expect(names.filter((test) => /zz-bare/.test(test) && /migrat/.test(test))).toEqual([]);
  }, 600_000);

  describe('composed with the stack, as rendered from services.json', () => {
    let stack: ComposeStack;

    beforeAll(async () => {
      stack = await startComposeStack({
        project: 'pss-generator-test',
        root: workspace,
        services: ['discovery-1', ...SERVICES.map(({ name }) => name)],
        imageTag: IMAGE_TAG,
      });
    }, 600_000);

    afterAll(async () => {
      await stack?.down();
    });

    it.each(SERVICES)('$name answers its example route on its published port', async ({ name }) => {
      const source = readFileSync(
        join(
          workspace,
          'apps',
          name,
          'src/examples',
          existsIn(name, 'seed-examples.ts') ? 'seed-examples.ts' : 'example.ts',
        ),
        'utf8',
      );
      const [id] = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(source) ?? [];
      const response = await fetch(`${stack.url(name)}/examples/${id}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id });
    });

    describeComposedServices(
      () => stack,
      SERVICES.map(({ name, database }) => ({
        service: name,
        name,
        registersAs: name.toUpperCase(),
        database,
      })),
    );
  });
});
