// Makes a converted domain bootable for this package's integration tests, standing in for the
// base plugin's firmware and console configurators: the tiny guest's kernel, initrd and command
// line, a serial console written to a file, and the qemu-guest-agent channel.
import { definePlugin, type PluginManifest } from '@kvmkit/core';
import type { GuestImage } from '@kvmkit/testing';

export function bootablePlugin(image: GuestImage, consoleLog: string): PluginManifest {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'test:bootable',
    version: '0.0.0',
    core: '^0.1.0',
    configurators: [
      {
        specificationVersion: 'v1',
        name: 'test:bootable',
        phase: 'post',
        configure(_vmi, domain) {
          domain.os = { ...domain.os, type: domain.os?.type ?? { value: 'hvm' }, kernel: image.kernel, initrd: image.initrd, cmdline: image.cmdline };
          domain.onPoweroff = 'destroy';
          domain.devices = {
            ...domain.devices,
            serials: [{ type: 'file', sources: [{ path: consoleLog }], target: { port: 0 } }],
            channels: [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }],
          };
        },
      },
    ],
  });
}
