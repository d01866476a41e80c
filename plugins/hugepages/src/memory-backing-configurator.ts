import type { Configurator } from '@kvmkit/core';
import { ensureSingleNumaCell, type Domain, type MemoryBacking } from '@kvmkit/domain-xml';
import { vcpuCountOf, type VirtualMachineInstance } from '@kvmkit/vmi';
import { guestMemory } from './guest-memory.ts';
import { usesMemfd } from './memfd.ts';
import { MEMORY_BACKING_CONFIGURATOR, validateMemoryBacking } from './memory-backing-rules.ts';
import { parseNodeList } from './node-list.ts';
import type { HugepagesOptions } from './options.ts';
import { pageSizeBytes, wantsHugepages } from './page-size.ts';
import { sharedMemoryUsers } from './shared-memory-users.ts';

/** A page's nodeset may only name guest NUMA nodes that exist (libvirt: "hugepages: node N not found"). */
function checkNodeset(nodeset: string, domain: Domain): void {
  const cells = new Set((domain.cpu?.numa?.cells ?? []).map((cell, index) => cell.id ?? index));
  const missing = parseNodeList(nodeset).filter((node) => !cells.has(node));
  if (missing.length > 0) {
    throw new Error(`options.nodeset '${nodeset}': the guest has no NUMA node ${missing.join(', ')} (nodes: ${[...cells].join(', ') || 'none'})`);
  }
}

/**
 * `spec.domain.memory.hugepages.pageSize` → `<memoryBacking><hugepages><page size unit nodeset/>`;
 * virtiofs filesystems and passt (vhost-user) interfaces → `<access mode='shared'/>`; a memfd
 * `<source>` where KubeVirt uses one, with the single guest NUMA cell it needs.
 */
export const memoryBackingConfigurator: Configurator<HugepagesOptions> = {
  specificationVersion: 'v1',
  name: MEMORY_BACKING_CONFIGURATOR,
  // The cell it may add needs the vCPU count, and a topology written by others wins.
  after: ['base:memory', 'cpu-topology:topology', 'cpu-topology:numa', 'virtio-mem:hotplug'],
  validate: validateMemoryBacking,
  configure(vmi: VirtualMachineInstance, domain: Domain, { options }) {
    const hugepages = wantsHugepages(vmi);
    const shared = sharedMemoryUsers(vmi).length > 0;
    if (!hugepages && !shared) return;
    const backing: MemoryBacking = { ...domain.memoryBacking };
    if (hugepages) {
      const pageBytes = pageSizeBytes(vmi);
      if (pageBytes === undefined) throw new Error('spec.domain.memory.hugepages.pageSize: no valid page size');
      backing.hugepages = { pages: [{ size: Number(pageBytes / 1024n), unit: 'KiB', ...(options.nodeset === undefined ? {} : { nodeset: options.nodeset }) }] };
    }
    if (usesMemfd(vmi, options.memfd)) {
      backing.source = { type: 'memfd' };
      const memory = guestMemory(vmi);
      // memfd backing needs a guest NUMA topology: as KubeVirt's converter does
      // (`configureSyntheticNUMA`), one cell holds every vCPU (`<vcpu>` when a CPU configurator
      // wrote it, else the VMI's topology) and the guest memory; a topology another configurator
      // wrote (guest NUMA mapping, memory hotplug) is kept as it is.
      if (memory !== undefined) ensureSingleNumaCell(domain, domain.vcpu?.value ?? vcpuCountOf(vmi), memory.bytes / 1024n);
    }
    if (shared) backing.access = { mode: 'shared' };
    domain.memoryBacking = backing;
    if (hugepages && options.nodeset !== undefined) checkNodeset(options.nodeset, domain);
  },
};
