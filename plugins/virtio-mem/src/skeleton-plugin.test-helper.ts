// A stand-in for the base configurators in this package's tests: just enough of a domain (name,
// memory, vCPUs, machine) for libvirt's schema and for `define`, so that golden files show this
// plugin's output and do not change when the base plugin does.
import { definePlugin, type PluginManifest } from '@kvmkit/core';
import { quantityToBytes } from '@kvmkit/vmi';

export const skeletonPlugin: PluginManifest = definePlugin({
  specificationVersion: 'v1',
  name: 'test:skeleton',
  version: '0.0.0',
  core: '^0.1.0',
  configurators: [
    {
      specificationVersion: 'v1',
      name: 'base:memory',
      phase: 'pre',
      configure(vmi, domain, context) {
        const cpu = vmi.spec.domain.cpu;
        const memory = vmi.spec.domain.memory?.guest ?? vmi.spec.domain.resources?.requests?.memory ?? '0';
        domain.type = context.virtType;
        domain.name = vmi.metadata?.name ?? 'unnamed';
        domain.memory = { value: Number(quantityToBytes(memory) / 1024n), unit: 'KiB' };
        domain.vcpu = { value: (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1), placement: 'static' };
        domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } };
      },
    },
  ],
});
