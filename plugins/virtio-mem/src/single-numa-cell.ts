import type { Domain } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/**
 * The vCPUs the domain has: `<vcpu>` when a CPU configurator wrote it, else the VMI's topology
 * (sockets × cores × threads, with `maxSockets` when vCPU hotplug is on).
 */
function vcpuCount(vmi: VirtualMachineInstance, domain: Domain): number {
  if (domain.vcpu !== undefined) return domain.vcpu.value;
  const cpu = vmi.spec.domain.cpu;
  const sockets = cpu?.maxSockets ?? cpu?.sockets ?? 1;
  return sockets * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
}

/**
 * Gives the guest one NUMA cell holding every vCPU and the boot memory, as KubeVirt's converter
 * did for memory hotplug until libvirt 9.6 began to add that cell itself: memory devices need a
 * guest NUMA node, and libvirt 9.0 refuses them without one. A topology another configurator
 * wrote is kept as it is.
 */
export function ensureSingleNumaCell(vmi: VirtualMachineInstance, domain: Domain, memoryKiB: bigint): void {
  if (domain.cpu?.numa !== undefined && domain.cpu.numa.cells.length > 0) return;
  const vcpus = vcpuCount(vmi, domain);
  domain.cpu = { ...domain.cpu, numa: { cells: [{ id: 0, cpus: vcpus > 1 ? `0-${String(vcpus - 1)}` : '0', memory: Number(memoryKiB), unit: 'KiB' }] } };
}
