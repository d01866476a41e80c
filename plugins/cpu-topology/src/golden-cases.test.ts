import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { quantityToBytes } from '@kvmkit/vmi';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpuTopologyPlugin } from './plugin.ts';

/** The least a domain needs besides the CPU for libvirt's schema: memory and an OS type. */
const framePlugin: PluginManifest = definePlugin({
  specificationVersion: 'v1',
  name: 'test:frame',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:frame',
    phase: 'pre',
    configure(vmi, domain) {
      domain.memory = { value: Number(quantityToBytes(vmi.spec.domain.memory?.guest ?? '64Mi') / 1024n), unit: 'KiB' };
      domain.os = { type: { value: 'hvm' } };
    },
  }],
});

const fixtures = fileURLToPath(new URL('./__fixtures__', import.meta.url));
const cases = loadGoldenCases(fixtures);

describe('cpu-topology golden cases', () => {
  it('has a case for every option family', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed XML, valid for libvirt', async (_name, goldenCase) => {
    const { xml } = convertGoldenCase(goldenCase, [framePlugin, cpuTopologyPlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    expect(await validateDomainXml(xml)).toEqual({ valid: true, errors: '' });
  });
});
