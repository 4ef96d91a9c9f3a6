import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { slimNodeModules } from './slim-node-modules';

const LIBRARY = `/*! example-lib | MIT License */
'use strict';

/**
 * Adds two numbers. A long comment that V8 would otherwise keep in the heap for the life of the
 * process, because it keeps the source of every module it loaded.
 */
function addNumbers(first, second) {
    // the sum
    return first + second;
}

module.exports = { addNumbers, greeting: 'héllo  wörld' };
`;

describe('slimNodeModules', () => {
  let nodeModules: string;

  beforeEach(async () => {
    nodeModules = join(await mkdtemp(join(tmpdir(), 'slim-')), 'node_modules');
    const files: Record<string, string> = {
      'example-lib/index.js': LIBRARY,
      'example-lib/index.d.ts': 'export declare function addNumbers(a: number, b: number): number;',
      'example-lib/index.js.map': '{}',
      'example-lib/README.md': '# example-lib',
      'example-lib/LICENSE.md': 'MIT License',
      'example-lib/test/broken.mjs': 'export const broken = (',
      'rxjs/dist/esm/index.js': 'export {};',
      'rxjs/dist/cjs/index.js': 'module.exports = {};',
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(join(nodeModules, file, '..'), { recursive: true });
      await writeFile(join(nodeModules, file), content);
    }
  });

  afterEach(() => rm(join(nodeModules, '..'), { recursive: true, force: true }));

  const exists = (file: string) =>
    readFile(join(nodeModules, file)).then(
      () => true,
      () => false,
    );

  it('deletes what Node never loads and keeps the licenses', async () => {
    const totals = await slimNodeModules(nodeModules);

    expect(await exists('example-lib/index.d.ts')).toBe(false);
    expect(await exists('example-lib/index.js.map')).toBe(false);
    expect(await exists('example-lib/README.md')).toBe(false);
    expect(await exists('rxjs/dist/esm/index.js')).toBe(false);
    expect(await exists('example-lib/LICENSE.md')).toBe(true);
    expect(await exists('rxjs/dist/cjs/index.js')).toBe(true);
    expect(totals.deleted).toBe(3);
  });

  it('minifies scripts that still work, name their functions and keep their legal comments', async () => {
    const totals = await slimNodeModules(nodeModules);

    const minified = await readFile(join(nodeModules, 'example-lib/index.js'), 'utf8');
    expect(minified.length).toBeLessThan(LIBRARY.length / 2);
    expect(minified).toContain('example-lib | MIT License');
    expect(minified).not.toContain('the sum');
    const script =
      'const lib = require(process.argv[1]); console.log(lib.addNumbers(2, 3), lib.addNumbers.name, lib.greeting);';
    const { stdout } = await promisify(execFile)('node', ['-e', script, join(nodeModules, 'example-lib')]);
    expect(stdout.trim()).toBe('5 addNumbers héllo  wörld');
    expect(totals).toMatchObject({ files: 3, skipped: 1 });
  });

  it('leaves a script it cannot parse as it was', async () => {
    await slimNodeModules(nodeModules);

    expect(await readFile(join(nodeModules, 'example-lib/test/broken.mjs'), 'utf8')).toBe(
      'export const broken = (',
    );
  });
});
