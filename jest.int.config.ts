// Integration tests: every *.int-spec.ts, against real PostgreSQL and RabbitMQ started once per run
// by libs/testing's global setup. Serial: a 2-core machine runs one container-heavy suite at a time.
import type { Config } from 'jest';
import preset from './jest.preset.js';

const config: Config = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/e2e'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
  // The last guard against a hang: a run that left a handle open still ends (its global teardown
  // names what was left open).
  forceExit: true,
};

export default config;
