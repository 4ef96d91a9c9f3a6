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
    files: ['**/*.ts'],
    rules: {
      // The layout's rules (docs/architecture.md): apps use libs and never each other; contracts is
      // the only shared domain; platform and testing are infrastructure; testing is for tests only;
      // the tooling (build, generators) is used by nothing that runs.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts'] },
            // Platform libs' own tests use the testcontainers helpers; no-restricted-imports (below) keeps
            // @pss/testing out of their non-test code.
            {
              sourceTag: 'scope:platform',
              onlyDependOnLibsWithTags: ['scope:platform', 'scope:contracts', 'scope:testing'],
            },
            {
              sourceTag: 'scope:testing',
              onlyDependOnLibsWithTags: ['scope:platform', 'scope:contracts', 'scope:testing'],
            },
            {
              sourceTag: 'scope:service',
              onlyDependOnLibsWithTags: ['scope:platform', 'scope:contracts', 'scope:testing'],
            },
            { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:platform', 'scope:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    // Only tests may import the testcontainers helpers.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**', '**/test/**', '**/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@pss/testing', message: '@pss/testing is for tests only.' }] },
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
