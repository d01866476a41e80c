import { createConverter, defaultConverterContext, type PluginManifest } from '@kvmkit/core';
import { withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tpmPlugin } from './tpm-plugin.ts';
import { PLUGIN_VERSION } from './version.ts';

function vmiWithTpm(tpm: unknown): VirtualMachineInstance {
  return withDefaults({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'tpm-unit' },
    spec: { domain: { devices: (tpm === undefined ? {} : { tpm }) as VirtualMachineInstance['spec']['domain']['devices'], resources: { requests: { memory: '64Mi' } } } },
  });
}

function convert(vmi: VirtualMachineInstance, options: Record<string, unknown> = {}) {
  return createConverter({ plugins: [tpmPlugin], options }).convert(vmi, defaultConverterContext({ virtType: 'qemu' }));
}

describe('tpm:tpm configurator', () => {
  it('writes an ephemeral swtpm TPM 2.0 on tpm-tis, without persistent_state', () => {
    expect(convert(vmiWithTpm({})).domain.devices?.tpms).toEqual([{ model: 'tpm-tis', backend: { type: 'emulator', version: '2.0' } }]);
  });

  it('writes a persistent TPM on tpm-crb with persistent_state=yes', () => {
    expect(convert(vmiWithTpm({ persistent: true })).domain.devices?.tpms).toEqual([
      { model: 'tpm-crb', backend: { type: 'emulator', version: '2.0', persistentState: true } },
    ]);
  });

  it('writes no TPM when enabled is false, even with persistent', () => {
    const { domain, xml } = convert(vmiWithTpm({ enabled: false, persistent: true }));
    expect(domain.devices?.tpms).toBeUndefined();
    expect(xml).not.toContain('<tpm');
  });

  it('writes no TPM when the VMI has none', () => {
    const vmi = vmiWithTpm(undefined);
    expect(convert(vmi).domain.devices?.tpms).toBeUndefined();
  });

  it('takes both models from its options', () => {
    const options = { tpm: { ephemeralModel: 'tpm-crb', persistentModel: 'tpm-tis' } };
    expect(convert(vmiWithTpm({}), options).domain.devices?.tpms?.[0]?.model).toBe('tpm-crb');
    expect(convert(vmiWithTpm({ persistent: true }), options).domain.devices?.tpms?.[0]?.model).toBe('tpm-tis');
  });

  it('refuses a model libvirt does not have, naming the option', () => {
    expect(() => createConverter({ plugins: [tpmPlugin as PluginManifest], options: { tpm: { ephemeralModel: 'tpm-foo' } } })).toThrow(/ephemeralModel/);
  });

  it('uses the sPAPR TPM on ppc64le guests', () => {
    const vmi = vmiWithTpm({});
    const result = createConverter({ plugins: [tpmPlugin] }).convert(vmi, defaultConverterContext({ architecture: 'ppc64le' }));
    expect(result.domain.devices?.tpms?.[0]?.model).toBe('tpm-spapr');
  });

  it('formats the XML libvirt documents for an emulated TPM', () => {
    expect(convert(vmiWithTpm({ persistent: true })).xml).toContain("<tpm model='tpm-crb'>\n      <backend type='emulator' version='2.0' persistent_state='yes'/>\n    </tpm>");
  });

  it('declares the version its package.json has', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PLUGIN_VERSION).toBe(manifest.version);
    expect(tpmPlugin.version).toBe(manifest.version);
  });
});
