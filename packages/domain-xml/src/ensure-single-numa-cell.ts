import type { Domain } from './model/domain.ts';

/**
 * Gives the guest one NUMA cell (id 0) holding vCPUs `0..vcpuCount-1` and `memoryKiB`, the
 * topology KubeVirt's converter makes when something needs a guest NUMA node and the VMI asked
 * for none. A topology already on the domain is kept as it is. Returns whether the cell was added.
 */
export function ensureSingleNumaCell(domain: Domain, vcpuCount: number, memoryKiB: bigint): boolean {
  if (domain.cpu?.numa !== undefined && domain.cpu.numa.cells.length > 0) return false;
  const cpus = vcpuCount > 1 ? `0-${String(vcpuCount - 1)}` : '0';
  domain.cpu = { ...domain.cpu, numa: { cells: [{ id: 0, cpus, memory: Number(memoryKiB), unit: 'KiB' }] } };
  return true;
}
