// System tests: the repository's docker-compose.yml started once (libs/testing/test/system), driven
// over HTTP like a user, under faults too. Files run in name order, one at a time.
import type { Config } from 'jest';
import preset from './jest.preset.js';

const config: Config = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/libs/testing/test/system'],
  testMatch: ['**/*.system-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/test/system/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/test/system/global-teardown.ts',
  testSequencer: '<rootDir>/libs/testing/test/system/file-order-sequencer.js',
  testTimeout: 180_000,
  maxWorkers: 1,
};

export default config;
