import { createConverter } from '@kvmkit/core';
import { withDefaults } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { canonicalJson, specHashOf } from './configurators/identity.ts';
import { basePlugin, buildBasePlugin } from './plugin.ts';
import { testContext } from './test-support/test-converter.ts';
import { minimalVmiYaml, vmiFromYaml } from './test-support/vmi-from-yaml.ts';

describe('base plugin manifest', () => {
  it('registers every configurator and volume source', () => {
    expect(basePlugin.configurators?.map((configurator) => configurator.name)).toContain('base:disks');
    expect(basePlugin.volumeSources?.map((source) => source.kind)).toEqual(['hostDisk', 'emptyDisk', 'containerDisk', 'ephemeral', 'persistentVolumeClaim', 'dataVolume', 'cloudInitNoCloud', 'cloudInitConfigDrive']);
  });

  it('builds a slim manifest from chosen configurators and refuses unknown names', () => {
    const slim = buildBasePlugin({ configurators: ['base:identity', 'base:memory', 'base:os'], volumeSources: [] });
    const converter = createConverter({ plugins: [slim] });
    const { xml, configurators } = converter.convert(withDefaults(vmiFromYaml(minimalVmiYaml('    devices: {}'))), testContext());
    expect(configurators).toEqual(['base:identity', 'base:memory', 'base:os']);
    expect(xml).toContain('<memory unit=\'b\'>134217728</memory>');
    expect(xml).not.toContain('<devices>');
    expect(() => buildBasePlugin({ configurators: ['base:cpu'] })).toThrow(/unknown base configurator: base:cpu/);
  });
});

describe('spec hash', () => {
  it('does not depend on key order and changes with the spec', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const one = vmiFromYaml(minimalVmiYaml('    devices: {}'));
    const reordered = { ...one, spec: Object.fromEntries(Object.entries(one.spec).reverse()) as typeof one.spec };
    expect(specHashOf(reordered)).toBe(specHashOf(one));
    expect(specHashOf(vmiFromYaml(minimalVmiYaml('    devices: { rng: {} }')))).not.toBe(specHashOf(one));
  });
});
