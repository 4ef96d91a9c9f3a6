// System tests: the repository's docker-compose.yml started once (e2e/test/system), driven
// over HTTP like a user, under faults too. Files run in name order, one at a time.
import type { Config } from 'jest';
import preset from './jest.preset.js';
// Jest runs the global setup and teardown outside its module registry (no moduleNameMapper there):
// map the workspace's @pss/* aliases for them, in this process, before they load.
import './scripts/jest/workspace-aliases.js';

const config: Config = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/e2e/test/system'],
  testMatch: ['**/*.system-spec.ts'],
  globalSetup: '<rootDir>/e2e/test/system/global-setup.ts',
  globalTeardown: '<rootDir>/e2e/test/system/global-teardown.ts',
  testSequencer: '<rootDir>/e2e/test/system/file-order-sequencer.js',
  testTimeout: 180_000,
  maxWorkers: 1,
  // The last guard against a hang: a run that left a handle open still ends (its global teardown
  // names what was left open).
  forceExit: true,
};

export default config;
