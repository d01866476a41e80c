import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { skeletonPlugin } from './test-support/skeleton-plugin.ts';
import { tpmPlugin } from './tpm-plugin.ts';

const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

describe('golden cases', () => {
  it('has a case for each TPM shape', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['crb-for-every-tpm', 'disabled-tpm', 'ephemeral-tpm', 'persistent-tpm', 'pseries-tpm']);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed, schema-valid XML', async (_name, goldenCase) => {
    const { xml, warnings } = convertGoldenCase(goldenCase, [skeletonPlugin, tpmPlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(warnings).toEqual([]);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});
