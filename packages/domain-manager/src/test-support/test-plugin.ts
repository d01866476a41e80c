// A test-local plugin that makes a bootable domain for the tiny guest until @kvmkit/plugin-base
// exists: memory, vCPUs, kernel boot, a serial log file and the guest-agent channel.
import { definePlugin, type PluginManifest } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

export interface TestPluginOptions {
  kernel: string;
  initrd: string;
  cmdline: string;
  /** Where each domain's serial console is logged: `<directory>/<name>.log`. */
  consoleDirectory: string;
  /** Override the domain type (`test` for libvirt's test driver). */
  domainType?: string;
  /** vCPUs at start and the hotplug maximum. */
  vcpus?: { current: number; maximum: number };
}

export function testPlugin(options: TestPluginOptions): PluginManifest {
  return definePlugin({
    specificationVersion: 'v1',
    name: 'test-local',
    version: '0.0.0',
    core: '^0.1.0',
    configurators: [
      {
        specificationVersion: 'v1',
        name: 'test-local:domain',
        configure(vmi: VirtualMachineInstance, domain) {
          const namespace = vmi.metadata?.namespace ?? 'default';
          domain.name = `${namespace}_${vmi.metadata?.name ?? ''}`;
          if (options.domainType !== undefined) domain.type = options.domainType;
          const memory = vmi.spec.domain.memory?.guest ?? vmi.spec.domain.resources?.requests?.memory ?? '256Mi';
          domain.memory = { value: Number.parseInt(memory, 10), unit: 'MiB' };
          const vcpus = options.vcpus ?? { current: 1, maximum: 1 };
          domain.vcpu = { value: vcpus.maximum, placement: 'static', ...(vcpus.current === vcpus.maximum ? {} : { current: vcpus.current }) };
          domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' }, kernel: options.kernel, initrd: options.initrd, cmdline: options.cmdline };
          domain.features = { acpi: true };
          domain.onPoweroff = 'destroy';
          domain.devices = {
            serials: [{ type: 'file', sources: [{ path: `${options.consoleDirectory}/${domain.name}.log` }], target: { port: 0 } }],
            channels: [{ type: 'unix', target: { type: 'virtio', name: 'org.qemu.guest_agent.0' } }],
          };
        },
      },
    ],
  });
}

/** A minimal VMI for the test plugin. */
export function testVmi(name: string, memory = '256Mi'): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name, namespace: 'tests', uid: `uid-${name}` },
    spec: { domain: { devices: {}, resources: { requests: { memory } } } },
  };
}
