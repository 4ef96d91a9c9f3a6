import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { workspaceRoot } from '@pss/testing';

// The module boundaries (docs/architecture.md) are lint rules: these prove the rules bite.
describe('module boundaries', () => {
  jest.setTimeout(30_000);
  beforeAll(() => {
    // The boundaries rule reads nx's cached project graph; make sure there is one.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: workspaceRoot, stdio: 'ignore' });
  }, 60_000);

  // The ESLint CLI, as `npm run lint` runs it (its config is an ES module, which jest's VM cannot load).
  async function ruleIds(file: string, code: string): Promise<string[]> {
    const eslint = join(workspaceRoot, 'node_modules', '.bin', 'eslint');
    const args = ['--format', 'json', '--stdin', '--stdin-filename', join(workspaceRoot, file)];
    let output: string;
    try {
      output = execFileSync(eslint, args, { cwd: workspaceRoot, input: code, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit code 1: problems found
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.map((message) => message.ruleId ?? message.message);
  }

  it('rejects contracts depending on the platform', async () => {
    const ids = await ruleIds(
      'libs/contracts/src/probe.ts',
      "import { x } from '@pss/platform';\nexport const y = x;\n",
    );
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('rejects a lib reaching into another lib by relative path', async () => {
    const ids = await ruleIds(
      'libs/messaging/src/probe.ts',
      "import { x } from '../../platform/src/index';\nexport const y = x;\n",
    );
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('rejects @pss/testing outside tests and allows it in tests', async () => {
    const code = "import { startPostgres } from '@pss/testing';\nexport const y = startPostgres;\n";
    expect(await ruleIds('libs/messaging/src/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('libs/messaging/src/probe.int-spec.ts', code)).not.toContain(
      'no-restricted-imports',
    );
  });

  it('accepts a lib using another lib through its public entry', async () => {
    const ids = await ruleIds(
      'libs/messaging/src/probe.ts',
      "import { x } from '@pss/contracts';\nexport const y = x;\n",
    );
    expect(ids).toEqual([]);
  });
});
