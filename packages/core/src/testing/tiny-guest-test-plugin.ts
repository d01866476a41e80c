import type { Domain } from '@kvmkit/domain-xml';
import { quantityToBytes, type VirtualMachineInstance } from '@kvmkit/vmi';
import { definePlugin, type PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { CORE_VERSION } from '../version.ts';

/** What the tiny test guest boots from (as `buildGuestImage()` of `@kvmkit/testing` gives it) and where its console goes. */
export interface TinyGuestTestPluginOptions {
  kernel: string;
  initrd: string;
  cmdline: string;
  /** The serial console (ttyS0) is written to this file; without it the domain has no serial port. */
  consoleLog?: string;
  /** Guest memory when no other configurator wrote `<memory>`; by default the VMI's (`memory.guest`, else the request; core refuses a VMI without either). */
  memoryMiB?: number;
  /**
   * `<features><acpi/>`; off by default, so the guest's memory and devices stay as small as they
   * can be. Turn it on for what the guest finds only through ACPI, such as a TPM.
   */
  acpi?: boolean;
  /** Plugin name, also the prefix of its two configurators' names; default `test:tiny-guest`. */
  name?: string;
}

const Q35 = { value: 'hvm', arch: 'x86_64', machine: 'q35' } as const;
function memoryKiB(vmi: VirtualMachineInstance, memoryMiB: number | undefined): number {
  if (memoryMiB !== undefined) return memoryMiB * 1024;
  const memory = vmi.spec.domain.memory?.guest ?? vmi.spec.domain.resources?.requests?.memory;
  if (memory === undefined) throw new Error('spec.domain.memory.guest: the tiny guest needs memory: set it, a memory request or the memoryMiB option');
  return Number(quantityToBytes(memory) / 1024n);
}

/** The `pre` part: what the plugin under test may read (UUID, memory, machine), where no one wrote it yet. */
function writeFrame(vmi: VirtualMachineInstance, domain: Domain, options: TinyGuestTestPluginOptions): void {
  const uuid = vmi.spec.domain.firmware?.uuid;
  if (domain.uuid === undefined && uuid !== undefined) domain.uuid = uuid;
  domain.memory ??= { value: memoryKiB(vmi, options.memoryMiB), unit: 'KiB' };
  domain.os ??= { type: { ...Q35 } };
}

/** The `post` part: direct kernel boot, console, agent channel; written last so no `<os>` or `<devices>` written before is lost. */
function writeBoot(domain: Domain, options: TinyGuestTestPluginOptions): void {
  domain.os = { ...domain.os, type: domain.os?.type ?? { ...Q35 }, kernel: options.kernel, initrd: options.initrd, cmdline: options.cmdline };
  if (options.acpi === true) domain.features = { ...domain.features, acpi: true };
  // The tiny guest powers off when its test is done; nothing should restart it.
  domain.onPoweroff = 'destroy';
  domain.devices = {
    ...domain.devices,
    ...(options.consoleLog === undefined ? {} : { serials: [{ type: 'file', sources: [{ path: options.consoleLog }], target: { port: 0 } }] }),
    channels: [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }],
  };
}

/**
 * A test-only plugin that makes the domain around a plugin under test boot the tiny guest, in
 * place of `@kvmkit/plugin-base`: memory, a q35 machine with direct kernel boot (ACPI on request),
 * the serial console into a file and the qemu-guest-agent channel (`org.qemu.guest_agent.0`). Compose it
 * with the plugin under test; use plugin-base itself where the test is about composing with it.
 */
export function tinyGuestTestPlugin(options: TinyGuestTestPluginOptions): PluginManifest {
  const name = options.name ?? 'test:tiny-guest';
  return definePlugin<unknown>({
    specificationVersion: 'v1',
    name,
    version: '0.0.0',
    core: `^${CORE_VERSION}`,
    configurators: [
      { specificationVersion: 'v1', name: `${name}:frame`, phase: 'pre', configure: (vmi, domain) => { writeFrame(vmi, domain, options); } },
      { specificationVersion: 'v1', name: `${name}:boot`, phase: 'post', configure: (_vmi, domain) => { writeBoot(domain, options); } },
    ],
  });
}
