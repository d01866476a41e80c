import { RuleTester } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { noCrossPluginImport } from './rules/no-cross-plugin-import.ts';
import { noDeepImport } from './rules/no-deep-import.ts';

RuleTester.describe = describe;
RuleTester.it = it;

const fixture = (path: string): string => fileURLToPath(new URL(`./__fixtures__/workspace/${path}`, import.meta.url));
const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

const inPlugin = fixture('plugins/hugepages/src/hugepages-configurator.ts');
const inApp = fixture('apps/agent/src/main.ts');

ruleTester.run('no-cross-plugin-import', noCrossPluginImport, {
  valid: [
    { code: "import { x } from '@kvmkit/core';", filename: inPlugin },
    { code: "import { x } from './hugepages-options.ts';", filename: inPlugin },
    { code: "import { x } from 'yaml';", filename: inPlugin },
    // The composition root may compose any plugins.
    { code: "import { tpm } from '@kvmkit/plugin-tpm';", filename: inApp },
  ],
  invalid: [
    { code: "import { tpm } from '@kvmkit/plugin-tpm';", filename: inPlugin, errors: [{ messageId: 'crossPlugin' }] },
    { code: "export * from '@kvmkit/plugin-tpm';", filename: inPlugin, errors: [{ messageId: 'crossPlugin' }] },
    { code: "const m = import('@kvmkit/plugin-tpm');", filename: inPlugin, errors: [{ messageId: 'crossPlugin' }] },
    { code: "import { tpm } from '../../tpm/src/index.ts';", filename: inPlugin, errors: [{ messageId: 'crossPlugin' }] },
  ],
});

ruleTester.run('no-deep-import', noDeepImport, {
  valid: [
    { code: "import { x } from '@kvmkit/core';", filename: inPlugin },
    { code: "import { x } from '@kvmkit/core/testing';", filename: inPlugin },
    { code: "import { X } from '@kvmkit/core/types/domain';", filename: inPlugin },
    { code: "import { y } from './local.ts';", filename: inApp },
    { code: "import { y } from 'node:fs';", filename: inApp },
  ],
  invalid: [
    {
      code: "import { x } from '@kvmkit/core/src/pipeline.ts';",
      filename: inApp,
      errors: [{ messageId: 'notExported' }],
    },
    { code: "import { x } from '@kvmkit/plugin-hugepages/dist/index.js';", filename: inApp, errors: [{ messageId: 'notExported' }] },
    {
      code: "import { x } from '../../../packages/core/src/index.ts';",
      filename: inApp,
      errors: [{ messageId: 'relativeIntoPackage' }],
    },
  ],
});
