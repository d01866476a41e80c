// Shared by this package's tests: a converter with the base plugin and test options.
import { createConverter, defaultConverterContext, PluginContexts, type Converter, type ConverterContext, type ExtensionContext } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { BasePluginOptions } from '../options.ts';
import { basePlugins } from '../plugin.ts';

/** OVMF as Debian installs it: what libvirt's domain capabilities list on this host. */
export const TEST_EFI_FIRMWARE = [
  { code: '/usr/share/OVMF/OVMF_CODE_4M.secboot.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd', secureBoot: true },
  { code: '/usr/share/OVMF/OVMF_CODE_4M.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.fd', secureBoot: false },
];

export const TEST_IMAGE_DIRECTORY = '/var/lib/kvmkit-test/images';

/** Claim options for every claim and DataVolume the VMIs name: `<name>.img` under a test folder. */
export function claimsFor(vmis: readonly VirtualMachineInstance[]): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const vmi of vmis) {
    for (const volume of vmi.spec.volumes ?? []) {
      const name = volume.persistentVolumeClaim?.claimName ?? volume.dataVolume?.name ?? volume.ephemeral?.persistentVolumeClaim?.claimName;
      if (name !== undefined) claims[name] = `/var/lib/kvmkit-test/claims/${name}.img`;
    }
  }
  return claims;
}

export function testConverter(baseOptions: Record<string, unknown> = {}): Converter {
  return createConverter({ plugins: basePlugins, options: { base: { imageDirectory: TEST_IMAGE_DIRECTORY, hostDiskDirectories: ['/var/data'], ...baseOptions } } });
}

export function testContext(overrides: Partial<ConverterContext> = {}): ConverterContext {
  const defaults = defaultConverterContext({ virtType: 'qemu' });
  return defaultConverterContext({
    virtType: 'qemu',
    host: { ...defaults.host, efiFirmware: TEST_EFI_FIRMWARE },
    directories: { state: '/var/lib/kvmkit/state/vm', volumes: '/var/lib/kvmkit/volumes/vm' },
    ...overrides,
  });
}

/**
 * The context a base configurator, volume source or prepare step receives from `converter` for
 * `vmi`: core's, with volume sources bound to the plugin that provides them (as in conversion and
 * the domain manager's prepare). Warnings are dropped.
 */
export function baseContextOf(converter: Converter, vmi: VirtualMachineInstance, context: ConverterContext = testContext()): ExtensionContext<BasePluginOptions> {
  return new PluginContexts(converter.registry, context, vmi, []).of('base') as ExtensionContext<BasePluginOptions>;
}
