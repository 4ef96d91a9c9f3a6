// Unit tests (*.spec.ts, beside the code; no Docker): one jest project per Nx project, named as it
// is, so `nx run <project>:test` is `jest --selectProjects <project>`.
import type { Config } from 'jest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preset from './jest.preset.js';

const workspace = import.meta.dirname;
const projectRoots = [
  ...['apps', 'libs'].flatMap((group) =>
    readdirSync(join(workspace, group)).map((name) => join(workspace, group, name)),
  ),
  join(workspace, 'tools'),
  join(workspace, 'e2e'),
].filter((root) => existsSync(join(root, 'project.json')));

const config: Config = {
  // Jest's default on two cores is one worker; the workspace-rule suites spend their time in eslint.
  maxWorkers: 2,
  projects: projectRoots.map((rootDir) => ({
    ...preset,
    displayName: JSON.parse(readFileSync(join(rootDir, 'project.json'), 'utf8')).name,
    rootDir,
    testMatch: ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/files/'],
  })),
};

export default config;
