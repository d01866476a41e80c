import { baseMemoryStandInPlugin, convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hugepagesPlugin } from './plugin.ts';

const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

describe('hugepages golden cases', () => {
  it('has a case for every option and every trigger', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual([
      'memfd-annotation-false',
      'memfd-option-off',
      'page-1gi-nodeset',
      'page-2mi',
      'passt-hugepages-shared',
      'virtiofs-shared',
    ]);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed, schema-valid XML', async (_name, goldenCase) => {
    const { xml, warnings } = convertGoldenCase(goldenCase, [baseMemoryStandInPlugin, hugepagesPlugin]);
    expect(warnings).toEqual([]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});
