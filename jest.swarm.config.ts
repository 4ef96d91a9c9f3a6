// The Swarm test: scripts/swarm-deploy.sh on a single-node swarm (e2e/test/swarm).
import type { Config } from 'jest';
import preset from './jest.preset.js';

const config: Config = {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/e2e/test/swarm'],
  testMatch: ['**/*.swarm-spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
  // The last guard against a hang: a run that left a handle open still ends.
  forceExit: true,
};

export default config;
