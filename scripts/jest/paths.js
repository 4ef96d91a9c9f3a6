// Maps the "@pss/*" aliases of tsconfig.base.json to source files, so jest runs libs from source.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');

function pathsToModuleNameMapper() {
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      path.join(root, target),
    ]),
  );
}

/** Each "@pss/*" alias and the source file it stands for. */
function aliasTargets() {
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]),
  );
}

module.exports = { pathsToModuleNameMapper, aliasTargets };
