// Flat config in named, layered blocks: base JS + typed typescript-eslint everywhere, then the
// layout rules that keep packages honest, then relaxations for tests and config files.
import js from '@eslint/js';
import { kvmkitPlugin } from '@kvmkit/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    name: 'kvmkit/ignores',
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/__fixtures__/**'],
  },
  {
    name: 'kvmkit/linter-options',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    name: 'kvmkit/typed-linting',
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    name: 'kvmkit/typescript',
    files: ['**/*.ts'],
    rules: {
      // No `any` anywhere, and exported functions state their types: the public API is typed.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    name: 'kvmkit/layout',
    plugins: { kvmkit: kvmkitPlugin },
    rules: {
      'kvmkit/no-cross-plugin-import': 'error',
      'kvmkit/no-deep-import': 'error',
    },
  },
  {
    name: 'kvmkit/tests',
    files: ['**/*.test.ts', '**/*.test-d.ts', '**/vitest.config.ts'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A plugin's integration tests may compose it with other plugins, as an agent does.
      'kvmkit/no-cross-plugin-import': 'off',
    },
  },
  {
    name: 'kvmkit/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
