// Integration tests: every *.int-spec.ts, against real PostgreSQL and RabbitMQ started once per run
// by libs/testing's global setup. Two suites at a time: most of a suite's time is spent waiting
// (containers starting, leases ending, outages lasting), and each suite has its own databases,
// vhosts and ports; on two cores a third gains nothing (clean-clone runs, 2026-12-04: 537 s with
// three, 510 s with two) and stretches every suite's timing. A suite that failed at its start with
// "other side closed" had sent its vhost's management call on a connection the management server
// closed while the worker was busy loading modules: libs/testing/src/rabbitmq-vhost.ts sends it again.
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
  maxWorkers: 2,
  testSequencer: '<rootDir>/scripts/jest/longest-first-sequencer.js',
  // The last guard against a hang: a run that left a handle open still ends (its global teardown
  // names what was left open).
  forceExit: true,
};

export default config;
