import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { convertGoldenCase, loadGoldenCases } from '@kvmkit/core/testing';
import { validateDomainXml } from '@kvmkit/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hypervPlugin } from './plugin.ts';

/** The least a domain needs besides Hyper-V for libvirt's schema: memory and an OS type. */
const framePlugin: PluginManifest = definePlugin({
  specificationVersion: 'v1',
  name: 'test:frame',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:frame',
    phase: 'pre',
    configure(_vmi, domain) {
      domain.memory = { value: 256, unit: 'MiB' };
      domain.os = { type: { value: 'hvm' } };
    },
  }],
});

const fixtures = fileURLToPath(new URL('./__fixtures__', import.meta.url));
const cases = loadGoldenCases(fixtures);
/** Written only with the tlbflushFlags option, for a libvirt newer than this machine's 9.0. */
const NEWER_LIBVIRT_ONLY = new Set(['tlbflush-flags-newer-libvirt']);

describe('hyperv golden cases', () => {
  it('has a case for every option family', () => {
    expect(cases.map((goldenCase) => goldenCase.name)).toEqual(['all-enlightenments', 'dependencies-enabled', 'disabled-states', 'passthrough', 'tlbflush-flags-newer-libvirt', 'windows-timers']);
  });

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('%s converts to its reviewed XML', async (name, goldenCase) => {
    const { xml } = convertGoldenCase(goldenCase, [framePlugin, hypervPlugin]);
    await expect(xml).toMatchFileSnapshot(goldenCase.expectedXmlPath);
    const validation = await validateDomainXml(xml);
    // The newer-libvirt case shows why tlbflushFlags is off by default: this schema refuses it.
    expect(validation.valid).toBe(!NEWER_LIBVIRT_ONLY.has(name));
  });

  it('warns where it leaves the TLB flush flags out and where it switched a requirement on', () => {
    const byName = new Map(cases.map((goldenCase) => [goldenCase.name, goldenCase]));
    const all = convertGoldenCase(byName.get('all-enlightenments')!, [framePlugin, hypervPlugin]);
    expect(all.warnings.map((warning) => warning.path)).toContain('spec.domain.features.hyperv.tlbflush');
    const dependencies = convertGoldenCase(byName.get('dependencies-enabled')!, [framePlugin, hypervPlugin]);
    expect(dependencies.warnings.map((warning) => warning.path).sort()).toEqual([
      'spec.domain.clock.timer.hyperv',
      'spec.domain.features.hyperv.synic',
      'spec.domain.features.hyperv.vpindex',
    ]);
  });
});
