import { definePlugin, type PluginManifest } from '@kvmkit/core';

/** What the tiny guest boots from, as `buildGuestImage()` gives it, and where its console goes. */
export interface TinyGuestBoot {
  kernel: string;
  initrd: string;
  cmdline: string;
  /** The serial console is written to this file. */
  consoleLog: string;
}

/**
 * A test-local stand-in for @kvmkit/plugin-base that makes a domain bootable: memory, one vCPU,
 * q35, direct kernel boot of the tiny guest, its serial console to a file and the guest agent
 * channel. Test-only: not built into dist.
 */
export function bootablePlugin(boot: TinyGuestBoot): PluginManifest {
  return definePlugin<unknown>({
    specificationVersion: 'v1',
    name: 'test:bootable',
    version: '0.0.0',
    core: '^0.1.0',
    configurators: [{
      specificationVersion: 'v1',
      name: 'test:bootable',
      phase: 'pre',
      configure(vmi, domain) {
        const uuid = vmi.spec.domain.firmware?.uuid;
        if (uuid !== undefined) domain.uuid = uuid;
        domain.memory = { value: 256, unit: 'MiB' };
        domain.vcpu = { value: 1 };
        domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' }, kernel: boot.kernel, initrd: boot.initrd, cmdline: boot.cmdline };
        // ACPI carries the TPM's description (MSFT0101 and the TPM2 table): without it the guest sees no TPM.
        domain.features = { acpi: true };
        domain.onPoweroff = 'destroy';
        domain.devices ??= {};
        domain.devices.serials = [{ type: 'file', sources: [{ path: boot.consoleLog }], target: { port: 0 } }];
        domain.devices.channels = [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }];
      },
    }],
  });
}
