import { z } from 'zod';
import { parseCpuList } from './cpu-list.ts';

const cpuList = z.string().refine((text) => (parseCpuList(text)?.length ?? 0) > 0, { error: 'expected a CPU list such as 0-3,8' });

/** KubeVirt's `preferredCPUTopology` values, in both the v1alpha and the v1beta1 spelling. */
export const PREFERRED_TOPOLOGIES = ['preferSockets', 'preferCores', 'preferThreads', 'preferSpread', 'preferAny', 'sockets', 'cores', 'threads', 'spread', 'any'] as const;
export type PreferredTopology = (typeof PREFERRED_TOPOLOGIES)[number];

/** KubeVirt's `spreadOptions.across` values. */
export const SPREAD_ACROSS = ['SocketsCores', 'SocketsCoresThreads', 'CoresThreads'] as const;
export type SpreadAcross = (typeof SPREAD_ACROSS)[number];

export const cpuTopologyOptionsSchema = z.object({
  /**
   * What `host-model` and `host-passthrough` become when the domain is emulated (virtType
   * `qemu`, TCG), where libvirt cannot build either: `maximum` (libvirt's mode='maximum', QEMU's
   * `-cpu max`: every feature TCG can emulate), `qemu64` (a plain named model), `keep` (write
   * them anyway; libvirt refuses to start such a domain), `reject` (an admission error).
   */
  emulatedHostCpu: z.enum(['maximum', 'qemu64', 'keep', 'reject']).default('maximum'),
  /**
   * Features disabled whenever the mode is `host-model`, for hosts whose host-model cannot
   * start (e.g. `arch-capabilities` under nested KVM, where QEMU cannot set MSR 0x10a).
   */
  hostModelDisabledFeatures: z.array(z.string().min(1)).default([]),
  /** The policy of a VMI CPU feature that names none (KubeVirt's converter uses `require`). */
  defaultFeaturePolicy: z.enum(['force', 'require', 'optional', 'disable', 'forbid']).default('require'),
  /**
   * An instancetype preference's `preferredCPUTopology`, for VMIs that come without a
   * preference object. The VMI annotation `cpu-topology.kvmkit.dev/preferred-topology` wins.
   */
  preferredTopology: z.enum(PREFERRED_TOPOLOGIES).optional(),
  /** A preference's `spreadOptions` (annotations `…/spread-across`, `…/spread-ratio` win). */
  spreadOptions: z.object({
    across: z.enum(SPREAD_ACROSS).default('SocketsCores'),
    ratio: z.number().int().min(1).default(2),
  }).prefault({}),
  /**
   * Host CPUs reserved for this VMI's dedicated CPU placement, in libvirt's list syntax
   * (`2-5`): KubeVirt reads them from the pod's cpuset; kvmkit needs them given.
   */
  dedicatedCpuSet: cpuList.optional(),
  /** The host's NUMA nodes and their CPUs, for `numa.guestMappingPassthrough`. */
  hostNumaNodes: z.array(z.object({ id: z.number().int().min(0), cpus: cpuList })).default([]),
});

export type CpuTopologyOptions = z.output<typeof cpuTopologyOptionsSchema>;
