import type { Domain } from '@kvmkit/domain-xml';
import { validateDomainXml } from '@kvmkit/testing';
import { withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { defaultConverterContext } from '../context/converter-context.ts';
import { createConverter } from '../pipeline/create-converter.ts';
import { definePlugin, type PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { baseMemoryStandInPlugin } from './base-memory-stand-in-plugin.ts';
import { tinyGuestTestPlugin } from './tiny-guest-test-plugin.ts';

const boot = { kernel: '/guest/vmlinuz', initrd: '/guest/initrd.img', cmdline: 'console=ttyS0' };

function vmi(domain: VirtualMachineInstance['spec']['domain']): VirtualMachineInstance {
  return withDefaults({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'tiny', namespace: 'lab' }, spec: { domain } });
}

function convert(input: VirtualMachineInstance, plugins: PluginManifest[]): Domain {
  return createConverter({ plugins }).convert(input, defaultConverterContext({ virtType: 'qemu' })).domain;
}

/** A plugin under test that writes its own `<os>` firmware detail and a device in the normal phase. */
const neighbour = definePlugin<unknown>({
  specificationVersion: 'v1',
  name: 'test:neighbour',
  version: '0.0.0',
  core: '>=0.0.0',
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:neighbour',
    configure(_vmi, domain) {
      domain.os = { ...domain.os, type: { value: 'hvm', arch: 'x86_64', machine: 'pc' }, bootmenu: { enable: false } };
      domain.features = { ...domain.features, pae: true };
      domain.devices = { ...domain.devices, rngs: [{ model: 'virtio', backend: { model: 'random', value: '/dev/urandom' } }] };
    },
  }],
});

describe('tinyGuestTestPlugin', () => {
  it('writes a schema-valid domain that boots the tiny guest: memory, kernel boot, ACPI, console, agent channel', async () => {
    const input = vmi({ devices: {}, memory: { guest: '128Mi' }, firmware: { uuid: '5d307ca9-b3ef-428c-8861-06e72d69f223' } });
    const result = createConverter({ plugins: [tinyGuestTestPlugin({ ...boot, consoleLog: '/tmp/console.log', acpi: true })] }).convert(input, defaultConverterContext({ virtType: 'qemu' }));
    expect(result.domain).toMatchObject({
      type: 'qemu',
      name: 'tiny',
      uuid: '5d307ca9-b3ef-428c-8861-06e72d69f223',
      memory: { value: 131072, unit: 'KiB' },
      os: { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' }, ...boot },
      features: { acpi: true },
      onPoweroff: 'destroy',
      devices: {
        serials: [{ type: 'file', sources: [{ path: '/tmp/console.log' }], target: { port: 0 } }],
        channels: [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }],
      },
    });
    expect(await validateDomainXml(result.xml)).toEqual({ valid: true, errors: '' });
  });

  it('takes the memory from memoryMiB, else from the VMI (guest memory, else the request)', () => {
    expect(convert(vmi({ devices: {}, resources: { requests: { memory: '64Mi' } } }), [tinyGuestTestPlugin(boot)]).memory).toEqual({ value: 65536, unit: 'KiB' });
    expect(convert(vmi({ devices: {}, memory: { guest: '1Gi' } }), [tinyGuestTestPlugin({ ...boot, memoryMiB: 512 })]).memory).toEqual({ value: 524288, unit: 'KiB' });
  });

  it('keeps what the plugin under test wrote in <os>, <features> and <devices>', () => {
    const domain = convert(vmi({ devices: {}, memory: { guest: '128Mi' } }), [tinyGuestTestPlugin({ ...boot, acpi: true }), neighbour]);
    expect(domain.os).toEqual({ type: { value: 'hvm', arch: 'x86_64', machine: 'pc' }, bootmenu: { enable: false }, ...boot });
    expect(domain.features).toEqual({ pae: true, acpi: true });
    expect(domain.devices?.rngs).toHaveLength(1);
    expect(domain.devices?.channels).toHaveLength(1);
  });

  it('keeps the memory and machine a base stand-in wrote, and leaves out ACPI and the console unless asked', () => {
    const domain = convert(vmi({ devices: {}, memory: { guest: '128Mi' }, cpu: { cores: 2 } }), [baseMemoryStandInPlugin, tinyGuestTestPlugin({ ...boot, memoryMiB: 512 })]);
    expect(domain.memory).toEqual({ value: 131072, unit: 'KiB' });
    expect(domain.vcpu).toEqual({ value: 2, placement: 'static' });
    expect(domain.os?.kernel).toBe(boot.kernel);
    expect(domain.features?.acpi).toBeUndefined();
    expect(domain.devices?.serials).toBeUndefined();
  });

  it('names the plugin and its configurators after the name option', () => {
    const plugin = tinyGuestTestPlugin({ ...boot, name: 'test:bootable' });
    expect(plugin.name).toBe('test:bootable');
    expect((plugin.configurators ?? []).map((configurator) => [configurator.name, configurator.phase])).toEqual([['test:bootable:frame', 'pre'], ['test:bootable:boot', 'post']]);
  });
});
