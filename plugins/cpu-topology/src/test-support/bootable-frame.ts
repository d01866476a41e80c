import { definePlugin, type PluginManifest } from '@kvmkit/core';
import type { GuestImage } from '@kvmkit/testing';
import { quantityToBytes } from '@kvmkit/vmi';

/**
 * A test-only plugin that makes a domain bootable around the plugin under test: memory, a q35
 * kernel boot of the tiny guest, its serial console into a file and the guest agent channel.
 */
export function bootableFramePlugin(image: GuestImage, consoleLog: string): PluginManifest {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'test:bootable-frame',
    version: '0.0.0',
    core: '^0.1.0',
    configurators: [{
      specificationVersion: 'v1',
      name: 'test:bootable-frame',
      phase: 'pre',
      configure(vmi, domain) {
        domain.memory = { value: Number(quantityToBytes(vmi.spec.domain.memory?.guest ?? '256Mi') / 1024n), unit: 'KiB' };
        domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' }, kernel: image.kernel, initrd: image.initrd, cmdline: image.cmdline };
        domain.onPoweroff = 'destroy';
        domain.devices = {
          serials: [{ type: 'file', sources: [{ path: consoleLog }], target: { port: 0 } }],
          channels: [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }],
        };
      },
    }],
  });
}
