import { quantityToBytes } from '@kvmkit/vmi';
import { definePlugin, type PluginManifest } from '../plugin/v1/plugin-manifest.ts';
import { CORE_VERSION } from '../version.ts';

/**
 * A test-only stand-in for `@kvmkit/plugin-base` in golden tests: just enough of a domain for
 * libvirt's schema and `define` (hypervisor type, name, memory, vCPUs as sockets × cores ×
 * threads, a q35 machine), so that expected.xml shows the plugin under test's output and does not
 * change when plugin-base does. Its configurator is named `base:memory`, like plugin-base's, so
 * a plugin's `after: ['base:memory']` orders against it the same way.
 */
export const baseMemoryStandInPlugin: PluginManifest = definePlugin<unknown>({
  specificationVersion: 'v1',
  name: 'test:skeleton',
  version: '0.0.0',
  core: `^${CORE_VERSION}`,
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
