// Bundles one TypeScript entry point for node: the workspace libraries inlined, every npm package
// left external (required from node_modules at run time). esbuild cannot emit decorator metadata
// (NestJS DI, class-validator and Swagger need it), so SWC compiles each TypeScript file first.
// build-service.js bundles the services for their images with it; the tests run their child
// processes (a service's main.ts, a test service) from such bundles:
//   node tools/build/bundle.js <entry.ts> <tsconfig.json> <outfile.js>
const { builtinModules } = require('node:module');
const esbuild = require('esbuild');
const swc = require('@swc/core');

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

/** Bundles `entry` into `outfile` (with its source map inline); resolves with esbuild's metafile. */
async function bundle(entry, tsconfig, outfile) {
  const { metafile } = await esbuild.build({
    entryPoints: [entry],
    outfile,
    tsconfig,
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
  return metafile;
}

module.exports = { bundle, isBuiltin, packageName };

if (require.main === module) {
  const [entry, tsconfig, outfile] = process.argv.slice(2);
  if (!outfile) {
    console.error('usage: bundle.js <entry.ts> <tsconfig.json> <outfile.js>');
    process.exit(2);
  }
  bundle(entry, tsconfig, outfile).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
