import type { ESLint } from 'eslint';
import { noCrossPluginImport } from './rules/no-cross-plugin-import.ts';
import { noDeepImport } from './rules/no-deep-import.ts';

/** kvmkit's layout rules, used by the workspace's eslint.config.js. */
export const kvmkitPlugin: ESLint.Plugin = {
  meta: { name: '@kvmkit/eslint-plugin' },
  rules: {
    'no-cross-plugin-import': noCrossPluginImport,
    'no-deep-import': noDeepImport,
  },
};
