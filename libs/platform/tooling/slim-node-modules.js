// Shrinks the production node_modules of a service image (ADR 0004):
//   node libs/platform/tooling/slim-node-modules.js <node_modules>
//
// 1. Deletes what Node never loads: TypeScript sources and declarations, source maps, docs
//    (license files stay), and the browser/ESM/source copies of packages the service requires as
//    CommonJS.
// 2. Takes the whitespace and the comments out of every JavaScript file. V8 keeps the source of
//    every loaded module in the heap for the life of the process (functions compile lazily from
//    it), so this is resident memory: about 6 MiB of a fares container's RSS. Identifiers are not
//    renamed, so stack traces still name their functions and files (the line and column of a
//    third-party frame no longer match the published file). Legal comments are kept.
const { readdir, readFile, rm, writeFile } = require('node:fs/promises');
const path = require('node:path');
const esbuild = require('esbuild');

const UNUSED_FILE = /\.([cm]?ts|map|md)$/;
const LICENSE = /^licen[cs]e/i;
const UNUSED_DIRECTORIES = [
  'typeorm/browser',
  'rxjs/src',
  'rxjs/dist/esm',
  'rxjs/dist/esm5',
  'rxjs/dist/bundles',
];
const JAVASCRIPT = /\.[cm]?js$/;
const CONCURRENT_TRANSFORMS = 32;

async function filesUnder(directory) {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Minifies one file in place; leaves it as it is when esbuild cannot parse it. */
async function minify(file) {
  const source = await readFile(file, 'utf8');
  try {
    const { code } = await esbuild.transform(source, {
      loader: 'js',
      minifyWhitespace: true,
      legalComments: 'inline',
    });
    if (code.length >= source.length) return { before: source.length, after: source.length };
    await writeFile(file, code);
    return { before: source.length, after: code.length };
  } catch {
    return { before: source.length, after: source.length, skipped: true };
  }
}

async function slimNodeModules(nodeModules) {
  for (const directory of UNUSED_DIRECTORIES) {
    await rm(path.join(nodeModules, directory), { recursive: true, force: true });
  }
  const files = await filesUnder(nodeModules);
  const unused = files.filter((file) => UNUSED_FILE.test(file) && !LICENSE.test(path.basename(file)));
  await Promise.all(unused.map((file) => rm(file)));

  const scripts = files.filter((file) => JAVASCRIPT.test(file));
  const totals = { files: scripts.length, before: 0, after: 0, skipped: 0, deleted: unused.length };
  for (let start = 0; start < scripts.length; start += CONCURRENT_TRANSFORMS) {
    const results = await Promise.all(scripts.slice(start, start + CONCURRENT_TRANSFORMS).map(minify));
    for (const { before, after, skipped } of results) {
      totals.before += before;
      totals.after += after;
      if (skipped) totals.skipped += 1;
    }
  }
  return totals;
}

module.exports = { slimNodeModules };

if (require.main === module) {
  const nodeModules = process.argv[2];
  if (!nodeModules) throw new Error('usage: slim-node-modules.js <node_modules>');
  slimNodeModules(nodeModules).then(
    ({ files, before, after, skipped, deleted }) =>
      console.log(
        `${nodeModules}: ${deleted} files deleted; ${files} scripts minified from ` +
          `${(before / 1e6).toFixed(1)} to ${(after / 1e6).toFixed(1)} MB (${skipped} left as they were)`,
      ),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
