import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@pss/testing';
import { LintProbe } from './lint-probe';

// The module boundaries (docs/architecture.md) are lint rules: these prove the rules bite.
describe('module boundaries', () => {
  jest.setTimeout(30_000);
  beforeAll(() => {
    // The boundaries rule reads nx's cached project graph; make sure there is one.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: workspaceRoot, stdio: 'ignore' });
  }, 60_000);

  const linter = new LintProbe();
  afterAll(() => linter.close());
  const problems = (file: string, code: string) => linter.lint(file, code);

  const messagesOf = async (file: string, code: string) =>
    (await problems(file, code)).map(({ message }) => message);
  const rulesOf = async (file: string, code: string) =>
    (await problems(file, code)).map(({ ruleId }) => ruleId);
  const importing = (specifier: string) =>
    `import * as probe from '${specifier}';\nexport const y = probe;\n`;

  it('sees the imports: the project graph has the edges the sources make', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pss-graph-')), 'graph.json');
    execFileSync('npx', ['nx', 'graph', `--file=${file}`], { cwd: workspaceRoot, stdio: 'ignore' });
    const { dependencies } = JSON.parse(readFileSync(file, 'utf8')).graph as {
      dependencies: Record<string, { target: string }[]>;
    };
    const uses = (project: string) => dependencies[project].map(({ target }) => target);
    expect(uses('fares')).toEqual(expect.arrayContaining(['platform', 'registry-client', 'contracts']));
    expect(uses('messaging')).toEqual(expect.arrayContaining(['platform', 'contracts', 'testing']));
    expect(uses('testing').filter((target) => !target.startsWith('npm:'))).toEqual([]);
  });

  it.each([
    ['contracts', 'libs/contracts/src/probe.ts', '@pss/platform'],
    ['the platform', 'libs/platform/src/probe.ts', '@pss/contracts'],
    ['the platform', 'libs/platform/src/probe.ts', '@pss/messaging'],
    ['an adapter', 'libs/messaging/src/probe.ts', '@pss/registry-client'],
    ['the test helpers', 'libs/testing/src/probe.ts', '@pss/platform'],
    ['the end-to-end suites', 'e2e/src/probe.ts', '@pss/messaging'],
  ])('rejects %s depending on a layer it must not (%s importing %s)', async (_layer, file, specifier) => {
    expect(await rulesOf(file, importing(specifier))).toContain('@nx/enforce-module-boundaries');
  });

  it('rejects a project cycle: the test helpers importing a library whose tests use them', async () => {
    const messages = await messagesOf('libs/testing/src/probe.ts', importing('@pss/messaging'));
    expect(messages.join('\n')).toMatch(/Circular dependency between "testing" and "messaging"/);
  });

  it('rejects a lib reaching into another lib by relative path', async () => {
    const rules = await rulesOf('libs/messaging/src/probe.ts', importing('../../platform/src/index'));
    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it.each(['@pss/testing', '@pss/bench', '@pss/registry-client/testing'])(
    'rejects %s outside tests and allows it in tests',
    async (specifier) => {
      expect(await rulesOf('apps/booking/src/probe.ts', importing(specifier))).toContain(
        'no-restricted-imports',
      );
      expect(await rulesOf('apps/booking/test/probe.int-spec.ts', importing(specifier))).not.toContain(
        'no-restricted-imports',
      );
    },
  );

  it('accepts each layer using the layers below it through their public entries', async () => {
    expect(await rulesOf('libs/messaging/src/probe.ts', importing('@pss/platform'))).toEqual([]);
    expect(await rulesOf('apps/booking/src/probe.ts', importing('@pss/messaging'))).toEqual([]);
  });
});
