// The part of the workspace lockfile that one service's production dependencies need: every
// package they reach, at the path and version npm installed it in the workspace, resolved the
// way Node resolves (the dependant's own node_modules first, then each parent's). Aliased and
// overridden packages (the workspace maps `request` to `@cypress/request`) keep their entries.

/** The install path of `name` as seen from the package installed at `from` ('' is the root). */
function resolveFrom(packages, from, name) {
  for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
  }
}

function requiredNames(entry) {
  const optionalPeers = entry.peerDependenciesMeta ?? {};
  const peers = Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional);
  return [...Object.keys(entry.dependencies ?? {}), ...peers];
}

/**
 * A lockfile (v3) for `rootPackage` (a package.json with `dependencies`), taken from the workspace
 * lockfile `lock`. Throws when a dependency is not installed there.
 * @returns {{ name: string; version: string; lockfileVersion: 3; requires: true; packages: Record<string, Record<string, unknown>> }}
 */
function pruneLockfile(lock, rootPackage) {
  const { packages } = lock;
  const kept = {};
  const pending = Object.keys(rootPackage.dependencies).map((name) => ['', name, true]);
  while (pending.length > 0) {
    const [from, name, required] = pending.pop();
    const path = resolveFrom(packages, from, name);
    if (!path) {
      if (required) throw new Error(`${name} (needed by ${from || 'the service'}) is not in the lockfile`);
      continue;
    }
    if (kept[path]) continue;
    const { dev: _dev, devOptional: _devOptional, ...entry } = packages[path];
    kept[path] = entry;
    for (const dependency of requiredNames(entry)) pending.push([path, dependency, true]);
    for (const dependency of Object.keys(entry.optionalDependencies ?? {}))
      pending.push([path, dependency, false]);
  }
  const sorted = Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((path) => [path, kept[path]]),
  );
  return {
    name: rootPackage.name,
    version: rootPackage.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': rootPackage, ...sorted },
  };
}

module.exports = { pruneLockfile };
