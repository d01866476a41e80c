import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkBindingPlugin } from './index.ts';
import { bootableDomainPlugin } from './testing/bootable-domain-plugin.ts';

const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

describe('golden cases', () => {
  it('has a case for every built-in binding', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['bridge-multiqueue', 'masquerade-pod', 'masquerade-user-mode', 'passt-every-option', 'sriov-and-macvtap']);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed, schema-valid XML', async (_name, goldenCase) => {
    const { xml } = convertGoldenCase(goldenCase, [bootableDomainPlugin, networkBindingPlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});
