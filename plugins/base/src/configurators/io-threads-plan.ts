import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** Which IOThread serves which disk, and how many threads the domain has. */
export interface IoThreadPlan {
  count: number;
  /** Disk name → IOThread id (1-based), for virtio disks only. */
  byDisk: Map<string, number>;
}

function vcpuCount(vmi: VirtualMachineInstance): number {
  const cpu = vmi.spec.domain.cpu;
  return (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
}

/**
 * KubeVirt's IOThread placement: a disk with `dedicatedIOThread` gets a thread of its own; the
 * other virtio disks share one thread (`ioThreadsPolicy: shared`) or a pool of up to twice the
 * vCPU count, round robin (`auto`). Without a policy and without dedicated disks there are none.
 * Shared threads come first (ids 1…), dedicated ones after.
 */
export function planIoThreads(vmi: VirtualMachineInstance): IoThreadPlan {
  const policy = vmi.spec.domain.ioThreadsPolicy;
  const virtioDisks = (vmi.spec.domain.devices.disks ?? []).filter((disk) => disk.disk?.bus === 'virtio');
  const dedicated = virtioDisks.filter((disk) => disk.dedicatedIOThread === true);
  const sharing = virtioDisks.filter((disk) => disk.dedicatedIOThread !== true);
  const byDisk = new Map<string, number>();
  if (policy === undefined && dedicated.length === 0) return { count: 0, byDisk };
  const sharedCount = sharing.length === 0 ? 0 : policy === 'auto' ? Math.min(2 * vcpuCount(vmi), sharing.length) : 1;
  sharing.forEach((disk, index) => byDisk.set(disk.name, (index % sharedCount) + 1));
  dedicated.forEach((disk, index) => byDisk.set(disk.name, sharedCount + index + 1));
  return { count: sharedCount + dedicated.length, byDisk };
}
