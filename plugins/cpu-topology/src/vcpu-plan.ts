import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { arrangeTopology, vcpuCount, writtenTopology, type GuestTopology } from './guest-topology.ts';
import type { CpuTopologyOptions } from './options.ts';
import { readPreference } from './preferences.ts';

/** How many vCPUs the guest has now and at most, and how they are arranged. */
export interface VcpuPlan {
  /** The topology of the vCPUs present at boot. */
  topology: GuestTopology;
  /** Sockets the guest can grow to (`cpu.maxSockets`), when CPU hotplug is on. */
  maxSockets?: number;
  /** vCPUs enabled at boot. */
  enabled: number;
  /** vCPUs the domain is defined with (enabled + hot-pluggable). */
  maximum: number;
  /** True when an instancetype preference rearranged the count. */
  preferenceApplied: boolean;
  /** True when a preference was given but the VMI spells out its own topology. */
  preferenceIgnored: boolean;
}

export type VcpuPlanResult = { ok: true; plan: VcpuPlan } | { ok: false; path: string; reason: string };

/** Shared by the topology, NUMA and placement configurators so they agree on the vCPU count. */
export function planVcpus(vmi: VirtualMachineInstance, options: CpuTopologyOptions): VcpuPlanResult {
  const reading = readPreference(vmi, options);
  if (!reading.ok) return reading;
  const written = writtenTopology(vmi);
  const arranged = arrangeTopology(written, reading.preference);
  if (!arranged.ok) return arranged;
  const { topology } = arranged;
  const maxSockets = vmi.spec.domain.cpu?.maxSockets;
  const enabled = vcpuCount(topology);
  const hotplug = maxSockets !== undefined && maxSockets > 0;
  const preferenceGiven = reading.preference.preferred !== undefined;
  return {
    ok: true,
    plan: {
      topology,
      ...(hotplug ? { maxSockets } : {}),
      enabled,
      maximum: hotplug ? Math.max(maxSockets, topology.sockets) * topology.cores * topology.threads : enabled,
      preferenceApplied: arranged.applied,
      preferenceIgnored: preferenceGiven && !arranged.applied,
    },
  };
}
