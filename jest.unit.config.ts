// Unit tests: every project's jest.config.ts (*.spec.ts beside the code), no Docker.
import type { Config } from 'jest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const projects = ['apps', 'libs'].flatMap((group) =>
  readdirSync(join(import.meta.dirname, group))
    .map((name) => join(import.meta.dirname, group, name, 'jest.config.ts'))
    .filter((file) => existsSync(file)),
);

const config: Config = { projects };

export default config;
