import { pruneLockfile } from './prune-lockfile';

const entry = (version: string, dependencies?: Record<string, string>, extra = {}) => ({
  version,
  resolved: `https://registry.npmjs.org/x/-/x-${version}.tgz`,
  ...(dependencies && { dependencies }),
  ...extra,
});

const workspaceLock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'workspace', dependencies: { a: '^1', client: '^4' }, devDependencies: { jest: '^30' } },
    'node_modules/a': entry('1.0.0', { b: '^2' }),
    'node_modules/b': entry('2.0.0'),
    'node_modules/client': entry('4.5.0', { request: '^2', b: '^1' }),
    // the workspace overrides client's `request` with a maintained fork, installed under the alias
    'node_modules/client/node_modules/request': { name: '@cypress/request', ...entry('4.0.1', { c: '^3' }) },
    'node_modules/client/node_modules/b': entry('1.0.0'),
    'node_modules/c': entry('3.0.0'),
    'node_modules/jest': entry('30.0.0', { b: '^2' }, { dev: true }),
    'node_modules/unused': entry('9.9.9'),
  },
};

describe('pruneLockfile', () => {
  it("keeps exactly what the service's dependencies reach, at the paths npm installed them", () => {
    const pruned = pruneLockfile(workspaceLock, {
      name: '@pss/x',
      version: '0.1.0',
      dependencies: { client: '4.5.0' },
    });
    expect(Object.keys(pruned.packages)).toEqual([
      '',
      'node_modules/c',
      'node_modules/client',
      'node_modules/client/node_modules/b',
      'node_modules/client/node_modules/request',
    ]);
    expect(pruned.packages['node_modules/client/node_modules/request']).toMatchObject({
      name: '@cypress/request',
    });
    expect(pruned.packages['']).toEqual({
      name: '@pss/x',
      version: '0.1.0',
      dependencies: { client: '4.5.0' },
    });
  });

  it('drops the dev flag of a package that production code reaches', () => {
    const pruned = pruneLockfile(workspaceLock, {
      name: 'x',
      version: '1',
      dependencies: { jest: '30.0.0' },
    });
    expect(pruned.packages['node_modules/jest']).not.toHaveProperty('dev');
  });

  it('refuses a dependency the workspace has not installed', () => {
    expect(() =>
      pruneLockfile(workspaceLock, { name: 'x', version: '1', dependencies: { missing: '1' } }),
    ).toThrow(/missing \(needed by the service\) is not in the lockfile/);
  });
});
