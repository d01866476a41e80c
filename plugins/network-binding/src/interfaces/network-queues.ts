import type { VirtualMachineInstance } from '@kvmkit/vmi';

/**
 * Queues of a virtio NIC with `networkInterfaceMultiqueue`: one per vCPU (sockets × cores ×
 * threads, as KubeVirt counts them), capped at `maxQueues`. Undefined when multiqueue is off or
 * there is only one vCPU (one queue is libvirt's default).
 */
export function networkQueues(vmi: VirtualMachineInstance, maxQueues: number): number | undefined {
  if (vmi.spec.domain.devices.networkInterfaceMultiqueue !== true) return undefined;
  const cpu = vmi.spec.domain.cpu;
  const vcpus = (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
  const queues = Math.min(vcpus, maxQueues);
  return queues > 1 ? queues : undefined;
}
