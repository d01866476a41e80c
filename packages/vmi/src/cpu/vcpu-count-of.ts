import type { VirtualMachineInstance } from '../types.ts';

/**
 * How many vCPUs the VMI's topology has: sockets × cores × threads, each missing count read as 1,
 * with `maxSockets` in place of `sockets` when vCPU hotplug is on (the domain is defined with
 * every vCPU it can grow to).
 */
export function vcpuCountOf(vmi: VirtualMachineInstance): number {
  const cpu = vmi.spec.domain.cpu;
  const sockets = cpu?.maxSockets ?? cpu?.sockets ?? 1;
  return sockets * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
}
