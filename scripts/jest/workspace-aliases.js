// Jest runs a global setup and teardown outside its module registry, where moduleNameMapper does
// not apply: this maps the workspace's @pss/* aliases (tsconfig.base.json) for them too.
const Module = require('node:module');
const { aliasTargets } = require('./paths');

const targets = aliasTargets();
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, targets[request] ?? request, ...rest);
};
