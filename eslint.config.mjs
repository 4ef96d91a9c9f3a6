import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/coverage', '.nx', 'docker/base-images/node/dist'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      // The plan's rules (ARCHITECTURE.md §2): apps use libs and never each other; only contracts is
      // shared domain; platform/testing are infrastructure; testing is for tests only.
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
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      // Decorator metadata names a parameter's type at run time: for a parameter typed `Response` it
      // reads globalThis.Response, and that loads Node's fetch (undici), about 16 MiB resident that a
      // service without outbound fetch calls never needs (ADR 0004).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='express'] > ImportSpecifier[local.name=/^(Request|Response)$/]",
          message:
            "Import express's Request and Response as ExpressRequest and ExpressResponse: under the global's name, decorator metadata loads undici (ADR 0004).",
        },
      ],
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
