import { baseMemoryStandInPlugin, convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { virtioMemPlugin } from './plugin.ts';

const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

describe('virtio-mem golden cases', () => {
  it('has a case for every option and every trigger', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['hotplug-1gi-pages', 'hotplug-2mi-blocks', 'hotplug-after-resize', 'hotplug-slots-option', 'max-equals-guest']);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed, schema-valid XML', async (_name, goldenCase) => {
    const { xml, warnings } = convertGoldenCase(goldenCase, [baseMemoryStandInPlugin, virtioMemPlugin]);
    expect(warnings).toEqual([]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});
