import { workspaceRoot } from '@pss/testing';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { folderCycles, isTestFile, reachableFrom, typeScriptFiles } from './source-graph';

const projectRoots = [
  ...['apps', 'libs'].flatMap((group) =>
    readdirSync(join(workspaceRoot, group)).map((name) => join(workspaceRoot, group, name)),
  ),
  join(workspaceRoot, 'e2e'),
].filter((root) => existsSync(join(root, 'project.json')));
// Entry points: a service's main.ts, a library's index.ts and testing/index.ts, and the files the
// root configs name.
const configEntries = [
  ...readFileSync(join(workspaceRoot, 'jest.int.config.ts'), 'utf8').matchAll(/<rootDir>\/([\w/.-]+\.ts)/g),
].map(([, file]) => join(workspaceRoot, file));
const entryOf = (root: string) => [
  ...['src/main.ts', 'src/index.ts', 'src/testing/index.ts']
    .map((file) => join(root, file))
    .filter(existsSync),
  ...configEntries.filter((file) => file.startsWith(`${root}/`)),
];

describe('the layout of every project', () => {
  it.each(projectRoots.map((root) => [relative(workspaceRoot, root), root]))(
    '%s: every file under src/ that is not a test is reachable from its entry point (test helpers live in test/)',
    (_name, root) => {
      const reachable = reachableFrom(entryOf(root));
      const stranded = typeScriptFiles(join(root, 'src'))
        .filter((file) => !isTestFile(file) && !reachable.has(file))
        .map((file) => relative(root, file));
      expect(stranded).toEqual([]);
    },
  );

  it.each(projectRoots.map((root) => [relative(workspaceRoot, root), root]))(
    '%s: no two folders of src/ import from each other, directly or around a loop',
    (_name, root) => {
      expect(folderCycles(join(root, 'src'))).toEqual([]);
    },
  );

  it('has no library exporting a name that NestJS itself exports', () => {
    const nest = new Set([
      ...Object.keys(require('@nestjs/common')),
      ...Object.keys(require('@nestjs/core')),
    ]);
    const clashes = projectRoots
      .filter((root) => root.includes('/libs/'))
      .flatMap((root) =>
        Object.keys(require(join(root, 'src/index.ts'))).map((name) => [relative(workspaceRoot, root), name]),
      )
      .filter(([, name]) => nest.has(name));
    expect(clashes).toEqual([]);
  });
});
