// Test-only (not built): the least a domain needs besides its interfaces to pass libvirt's schema
// and to boot the tiny guest, so this plugin's tests need not wait for @kvmkit/plugin-base.
// Kept here rather than @kvmkit/core/testing's tinyGuestTestPlugin: the golden tests use it too
// (without a kernel, through plugin options), so its exact output is in the reviewed expected.xml.
import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { z } from 'zod';

export const bootableDomainOptionsSchema = z.object({
  kernel: z.string().optional(),
  initrd: z.string().optional(),
  cmdline: z.string().optional(),
  /** A file the guest's serial console is written to. */
  consoleLog: z.string().optional(),
});

export const bootableDomainPlugin: PluginManifest = definePlugin({
  specificationVersion: 'v1',
  name: 'test:bootable-domain',
  version: '0.0.0',
  core: '^0.1.0',
  optionsSchema: bootableDomainOptionsSchema,
  configurators: [{
    specificationVersion: 'v1',
    name: 'test:bootable-domain',
    phase: 'pre',
    configure(vmi, domain, { options }) {
      const cpu = vmi.spec.domain.cpu;
      domain.memory = { value: 256, unit: 'MiB' };
      domain.vcpu = { value: (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1) };
      domain.os = {
        type: { value: 'hvm', arch: 'x86_64', machine: 'q35' },
        ...(options.kernel === undefined ? {} : { kernel: options.kernel }),
        ...(options.initrd === undefined ? {} : { initrd: options.initrd }),
        ...(options.cmdline === undefined ? {} : { cmdline: options.cmdline }),
      };
      domain.onPoweroff = 'destroy';
      const devices = (domain.devices ??= {});
      if (options.consoleLog !== undefined) devices.serials = [{ type: 'file', sources: [{ path: options.consoleLog }], target: { port: 0 } }];
      devices.channels = [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }];
    },
  }],
});
