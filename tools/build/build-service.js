// Builds one service for its container: node tools/build/build-service.js apps/<name>
//
// Bundles src/main.ts (bundle.js: the workspace libraries inlined, every npm package left
// external). Next to dist/apps/<name>/main.js it writes a
// package.json that lists the npm packages the bundle requires (at their locked versions); in
// dist/runtime, a package.json and a lockfile pruned from the workspace's (prune-lockfile.js) for
// the workspace's run-time dependencies, which every image installs in one shared layer.
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { bundle, isBuiltin, packageName } = require('./bundle');
const { pruneLockfile } = require('./prune-lockfile');

const workspaceRoot = path.resolve(__dirname, '../..');

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

  const metafile = await bundle(
    path.join(workspaceRoot, projectRoot, 'src/main.ts'),
    path.join(workspaceRoot, projectRoot, 'tsconfig.json'),
    path.join(outDir, 'main.js'),
  );

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
