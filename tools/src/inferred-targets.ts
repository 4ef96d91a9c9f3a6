import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const run = (command: string, extra: Partial<TargetConfiguration> = {}): TargetConfiguration => ({
  executor: 'nx:run-commands',
  options: { command },
  ...extra,
});

// The TypeORM CLI on an app's database schema (src/database/schema.ts), through one data source.
const typeorm = (root: string, command: string) =>
  run(
    `PSS_DATABASE_SCHEMA=${root}/src/database/schema.ts SWC_NODE_PROJECT=${root}/tsconfig.json ` +
      `node --require @swc-node/register node_modules/typeorm/cli.js ${command} -d tools/typeorm/data-source.ts`,
  );

/** What every project can do: lint, type checks, unit tests, integration tests. */
function projectTargets(root: string, name: string): Record<string, TargetConfiguration> {
  return {
    lint: run(`eslint ${root} --max-warnings=0`, {
      cache: true,
      inputs: ['default', '{workspaceRoot}/eslint.config.mjs'],
    }),
    // A project reference build: the libraries it references are checked first, once, and it reads
    // their declarations (tmp/tsc) instead of checking their sources again.
    typecheck: run(`tsc -b ${root}/tsconfig.json`, {
      cache: true,
      dependsOn: ['^typecheck'],
      inputs: ['default', '^production'],
      outputs: [`{workspaceRoot}/tmp/tsc/${root}`],
    }),
    test: run(
      `bash scripts/jest.sh --config jest.unit.config.ts --selectProjects ${name} --passWithNoTests`,
      {
        cache: true,
        inputs: ['default', '^production', '{workspaceRoot}/jest.preset.js'],
      },
    ),
    'int-test': run(`bash scripts/int-test.sh ${root}`),
  };
}

/** What an app adds: its bundle, running it, its image, its database commands and benchmarks. */
function appTargets(root: string, name: string, workspaceRoot: string): Record<string, TargetConfiguration> {
  const has = (path: string) => existsSync(join(workspaceRoot, root, path));
  return {
    build: run(`node tools/build/build-service.js ${root}`, {
      cache: true,
      inputs: ['production', '^production', '{workspaceRoot}/tools/build/**/*'],
      outputs: [`{workspaceRoot}/dist/${root}`],
    }),
    serve: run(`node dist/${root}/main.js`, { dependsOn: ['build'], continuous: true }),
    'docker-build': run(
      `docker build -f ${root}/${name}.Dockerfile -t pss/${name}:dev ` +
        '--secret id=extra_ca,src=${PSS_EXTRA_CA_FILE:-/etc/ssl/certs/ca-certificates.crt} .',
    ),
    ...(has('src/migrations') && {
      migrate: run(`node dist/${root}/main.js migrate`, { dependsOn: ['build'] }),
      'migration-generate': typeorm(root, `migration:generate -p ${root}/src/migrations/{args.name}`),
      'migration-revert': typeorm(root, 'migration:revert'),
    }),
    ...(has('bench') && { bench: run(`bash scripts/bench.sh ${root}`) }),
  };
}

/** The targets of the project whose project.json is `file`, inferred from what its folder holds. */
export function inferTargets(file: string, workspaceRoot: string): ProjectConfiguration {
  const root = dirname(file);
  const { name, projectType } = JSON.parse(
    readFileSync(join(workspaceRoot, file), 'utf8'),
  ) as ProjectConfiguration;
  if (!name) throw new Error(`${file} has no name`);
  return {
    root,
    targets: {
      ...projectTargets(root, name),
      ...(projectType === 'application' && appTargets(root, name, workspaceRoot)),
    },
  };
}
