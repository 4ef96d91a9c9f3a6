// Integration tests: every *.int-spec.ts, against real PostgreSQL and RabbitMQ started once per run
// by libs/testing's global setup. Three suites at a time: most of a suite's time is spent waiting
// (containers starting, leases ending, outages lasting), and each suite has its own databases,
// vhosts and ports. Three ran in 390 s where two took about 460; they once made a suite fail at its
// start with "other side closed" more often: its vhost's management call sent on a connection the
// management server had closed while the worker was busy loading modules, which
// libs/testing/src/rabbitmq-vhost.ts now sends again.
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
  maxWorkers: 3,
  testSequencer: '<rootDir>/scripts/jest/longest-first-sequencer.js',
  // The last guard against a hang: a run that left a handle open still ends (its global teardown
  // names what was left open).
  forceExit: true,
};

export default config;
