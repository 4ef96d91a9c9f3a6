// Builds one service for its container: node tools/build/build-service.js apps/<name>
//
// esbuild bundles src/main.ts with the workspace libraries inlined and every npm package left
// external. esbuild cannot emit decorator metadata (NestJS DI, class-validator and Swagger need
// it), so SWC compiles each TypeScript file first. Next to dist/apps/<name>/main.js it writes a
// package.json that lists the npm packages the bundle requires (at their locked versions); in
// dist/runtime, a package.json and a lockfile pruned from the workspace's (prune-lockfile.js) for
// the workspace's run-time dependencies, which every image installs in one shared layer.
const { builtinModules } = require('node:module');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const swc = require('@swc/core');
const { pruneLockfile } = require('./prune-lockfile');

const workspaceRoot = path.resolve(__dirname, '../..');
const workspaceAliases = Object.keys(require('../../tsconfig.base.json').compilerOptions.paths);

const swcDecorators = {
  name: 'swc-decorators',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const { code, map } = await swc.transformFile(file, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        sourceMaps: true,
      });
      const inlineMap = Buffer.from(map ?? '').toString('base64');
      return {
        contents: `${code}\n//# sourceMappingURL=data:application/json;base64,${inlineMap}`,
        loader: 'js',
      };
    });
  },
};

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name);

/** Workspace libraries are bundled; npm packages stay external, installed from the pruned lockfile. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
      workspaceAliases.includes(specifier) || isBuiltin(specifier)
        ? undefined
        : { path: specifier, external: true },
    );
  },
};

/**
 * The bare packages the bundle requires, plus the peer dependencies they load at run time: every
 * required peer, and the optional ones the workspace installs for production (a framework loads
 * them by name when a feature is used: @nestjs/platform-fastify loads @fastify/static for the
 * OpenAPI page).
 */
function runtimePackages(metafile, lock) {
  const chosen = lock.packages[''].dependencies ?? {};
  const imported = Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && !isBuiltin(entry.path))
    .map((entry) => packageName(entry.path));
  const wanted = new Set(imported);
  for (const name of wanted) {
    const manifest = lock.packages[`node_modules/${name}`];
    if (!manifest) throw new Error(`${name} is required by the bundle but not installed`);
    const optional = manifest.peerDependenciesMeta ?? {};
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      const needed = !optional[peer]?.optional || peer in chosen;
      if (needed && lock.packages[`node_modules/${peer}`]) wanted.add(peer);
    }
  }
  return [...wanted].sort();
}

/**
 * dist/runtime: package.json and lockfile of the workspace's run-time dependencies (package.json's
 * `dependencies`), the same for every service, so that every image installs them in one shared
 * layer and adds only its bundle. Throws if the bundle needs a package that is not one of them.
 */
function writeSharedRuntime(lock, needed) {
  const workspace = require('../../package.json');
  const runtime = {
    name: '@pss/runtime',
    version: lock.version ?? '0.0.0',
    private: true,
    engines: { node: '>=24' },
    dependencies: Object.fromEntries(
      Object.keys(workspace.dependencies).map((name) => [
        name,
        lock.packages[`node_modules/${name}`].version,
      ]),
    ),
    // The workspace's replacements (the deprecated `request` by its maintained fork) hold in the image.
    overrides: workspace.overrides,
  };
  const { private: _private, overrides: _overrides, ...lockRoot } = runtime;
  const prunedLock = pruneLockfile(lock, lockRoot);
  const missing = needed.filter((name) => !prunedLock.packages[`node_modules/${name}`]);
  if (missing.length > 0)
    throw new Error(
      `${missing.join(', ')}: required at run time, so list them in package.json's dependencies`,
    );
  const runtimeDir = path.join(workspaceRoot, 'dist', 'runtime');
  mkdirSync(runtimeDir, { recursive: true });
  writeFileSync(path.join(runtimeDir, 'package.json'), `${JSON.stringify(runtime, null, 2)}\n`);
  writeFileSync(path.join(runtimeDir, 'package-lock.json'), `${JSON.stringify(prunedLock, null, 2)}\n`);
}

async function main() {
  const projectRoot = process.argv[2];
  if (!projectRoot) throw new Error('usage: build-service.js apps/<name>');
  const name = path.basename(projectRoot);
  const outDir = path.join(workspaceRoot, 'dist', projectRoot);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const { metafile } = await esbuild.build({
    entryPoints: [path.join(workspaceRoot, projectRoot, 'src/main.ts')],
    outfile: path.join(outDir, 'main.js'),
    tsconfig: path.join(workspaceRoot, projectRoot, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    sourcemap: true,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [npmPackagesExternal, swcDecorators],
  });

  const lock = JSON.parse(readFileSync(path.join(workspaceRoot, 'package-lock.json'), 'utf8'));
  const dependencies = Object.fromEntries(
    runtimePackages(metafile, lock).map((dep) => [dep, lock.packages[`node_modules/${dep}`].version]),
  );
  const packageJson = {
    name: `@pss/${name}`,
    version: lock.version ?? '0.0.0',
    private: true,
    main: 'main.js',
    engines: { node: '>=24' },
    dependencies,
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  writeSharedRuntime(lock, Object.keys(dependencies));
  console.log(
    `${projectRoot} -> ${path.relative(workspaceRoot, outDir)}: ${Object.keys(dependencies).join(', ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
