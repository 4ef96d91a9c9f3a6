import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/coverage',
      '.nx',
      'docker/base-images/node/dist',
      'tools/src/generators/*/files',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The layers (docs/architecture.md), each depending only downward: contracts <- platform <-
      // adapters (messaging, registry-client) <- apps. Test helpers (testing) depend on no other
      // project, so every layer's tests can use them; benchmarks and the end-to-end suites sit on top.
      // The rule also rejects any cycle between projects.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'layer:contracts', onlyDependOnLibsWithTags: ['layer:test'] },
            { sourceTag: 'layer:platform', onlyDependOnLibsWithTags: ['layer:test'] },
            {
              sourceTag: 'layer:adapter',
              onlyDependOnLibsWithTags: ['layer:platform', 'layer:contracts', 'layer:test', 'layer:bench'],
            },
            {
              sourceTag: 'layer:app',
              onlyDependOnLibsWithTags: [
                'layer:adapter',
                'layer:platform',
                'layer:contracts',
                'layer:test',
                'layer:bench',
              ],
            },
            { sourceTag: 'layer:test', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'layer:bench', onlyDependOnLibsWithTags: ['layer:test'] },
            {
              sourceTag: 'layer:e2e',
              onlyDependOnLibsWithTags: ['layer:contracts', 'layer:test', 'layer:bench'],
            },
            { sourceTag: 'layer:tooling', onlyDependOnLibsWithTags: ['layer:platform', 'layer:test'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    // Test helpers and benchmark machinery are for tests and benchmarks only.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      'libs/testing/**',
      'libs/bench/**',
      '**/test/**',
      '**/testing/**',
      '**/bench/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@pss/testing', message: '@pss/testing is for tests only.' },
            { name: '@pss/bench', message: '@pss/bench is for benchmarks only.' },
          ],
          patterns: [{ group: ['@pss/*/testing'], message: 'testing entry points are for tests only.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
