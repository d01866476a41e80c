import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { TopologyPreference } from './preferences.ts';

/** Sockets × cores × threads of the guest. */
export interface GuestTopology {
  sockets: number;
  cores: number;
  threads: number;
}

export function vcpuCount(topology: GuestTopology): number {
  return topology.sockets * topology.cores * topology.threads;
}

/** The topology the (defaulted) VMI writes, each missing count read as 1 as virt-launcher does. */
export function writtenTopology(vmi: VirtualMachineInstance): GuestTopology {
  const cpu = vmi.spec.domain.cpu;
  return { sockets: cpu?.sockets || 1, cores: cpu?.cores || 1, threads: cpu?.threads || 1 };
}

/** The result of arranging a vCPU count by a preference; `reason` says why it could not be. */
export type ArrangedTopology = { ok: true; topology: GuestTopology; applied: boolean } | { ok: false; path: string; reason: string };

/**
 * Arranges the VMI's vCPUs as an instancetype preference asks. A preference shapes a count, so
 * it applies only when the VMI's topology has the default shape (N sockets × 1 core × 1 thread,
 * what KubeVirt's defaults make of a CPU count); a topology the user spelled out wins.
 * Spread, as KubeVirt's preference code applies it: `ratio` cores per socket (SocketsCores),
 * `ratio` cores of 2 threads per socket (SocketsCoresThreads), or `ratio` threads per core on
 * one socket (CoresThreads).
 */
export function arrangeTopology(written: GuestTopology, preference: TopologyPreference): ArrangedTopology {
  const total = vcpuCount(written);
  const defaultShape = written.cores === 1 && written.threads === 1;
  const preferred = preference.preferred;
  if (preferred === undefined || !defaultShape) {
    return { ok: true, topology: written, applied: false };
  }
  switch (preferred) {
    // KubeVirt puts the count into sockets for "any", too.
    case 'preferAny':
    case 'any':
    case 'preferSockets':
    case 'sockets':
      return { ok: true, topology: { sockets: total, cores: 1, threads: 1 }, applied: true };
    case 'preferCores':
    case 'cores':
      return { ok: true, topology: { sockets: 1, cores: total, threads: 1 }, applied: true };
    case 'preferThreads':
    case 'threads':
      return { ok: true, topology: { sockets: 1, cores: 1, threads: total }, applied: true };
    case 'preferSpread':
    case 'spread':
      return spread(total, preference);
  }
}

function spread(total: number, preference: TopologyPreference): ArrangedTopology {
  const { across, ratio } = preference;
  const perSocket = across === 'SocketsCoresThreads' ? ratio * 2 : ratio;
  if (total % perSocket !== 0) {
    return { ok: false, path: preference.paths.ratio, reason: `${String(total)} vCPUs cannot be spread across ${across} with ratio ${String(ratio)}: the count must be a multiple of ${String(perSocket)}` };
  }
  switch (across) {
    case 'SocketsCores':
      return { ok: true, topology: { sockets: total / ratio, cores: ratio, threads: 1 }, applied: true };
    case 'SocketsCoresThreads':
      return { ok: true, topology: { sockets: total / perSocket, cores: ratio, threads: 2 }, applied: true };
    case 'CoresThreads':
      return { ok: true, topology: { sockets: 1, cores: total / ratio, threads: ratio }, applied: true };
  }
}
