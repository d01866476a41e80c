import type { Configurator } from '@kvmkit/core';
import type { NumaCell, NumatuneMemnode } from '@kvmkit/domain-xml';
import { quantityToBytes, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { formatCpuList, parseCpuList } from './cpu-list.ts';
import type { CpuTopologyOptions } from './options.ts';
import { problem } from './problem.ts';
import { TOPOLOGY_CONFIGURATOR } from './topology-configurator.ts';
import { planVcpus } from './vcpu-plan.ts';

export const NUMA_CONFIGURATOR = 'cpu-topology:numa';
export const NUMA_FEATURE_GATE = 'NUMA';
const GUEST_MAPPING_PATH = 'spec.domain.cpu.numa.guestMappingPassthrough';

function wantsGuestNuma(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.cpu?.numa?.guestMappingPassthrough !== undefined;
}

/** One guest cell: the vCPUs pinned to one host NUMA node, backed by that node's memory. */
interface CellPlan {
  vcpus: number[];
  hostNode?: number;
}

/** Groups vCPUs by the host node of the CPU each one is pinned to (vCPU i → i-th dedicated CPU). */
function cellPlans(vcpuTotal: number, options: CpuTopologyOptions): CellPlan[] {
  const dedicated = parseCpuList(options.dedicatedCpuSet ?? '') ?? [];
  const nodeOf = new Map<number, number>();
  for (const node of options.hostNumaNodes) for (const cpu of parseCpuList(node.cpus) ?? []) nodeOf.set(cpu, node.id);
  const allVcpus = Array.from({ length: vcpuTotal }, (_unused, id) => id);
  if (options.hostNumaNodes.length === 0) return [{ vcpus: allVcpus }];
  const byNode = new Map<number, number[]>();
  for (const vcpu of allVcpus) {
    const hostCpu = dedicated[vcpu];
    const node = hostCpu === undefined ? undefined : nodeOf.get(hostCpu);
    // vCPUs without a known host node (hot-pluggable extras) join the last cell.
    const key = node ?? [...byNode.keys()].at(-1) ?? options.hostNumaNodes[0]?.id ?? 0;
    byNode.set(key, [...(byNode.get(key) ?? []), vcpu]);
  }
  return [...byNode.entries()].map(([hostNode, vcpus]) => ({ hostNode, vcpus }));
}

/**
 * `cpu.numa.guestMappingPassthrough` → guest NUMA cells that mirror the host nodes of the
 * dedicated CPUs, each cell's memory a whole number of huge pages (the last takes the rest) and
 * bound to its host node with `<numatune><memnode mode='strict'>`. Without `hostNumaNodes` in the
 * options the guest gets one cell holding every vCPU and all memory.
 */
export const numaConfigurator: Configurator<CpuTopologyOptions> = {
  specificationVersion: 'v1',
  name: NUMA_CONFIGURATOR,
  after: [TOPOLOGY_CONFIGURATOR, 'base:memory'],
  validate(vmi, context) {
    if (!wantsGuestNuma(vmi)) return [];
    const problems: VmiProblem[] = [];
    const cpu = vmi.spec.domain.cpu;
    if (!context.featureGates.has(NUMA_FEATURE_GATE)) {
      problems.push(problem(NUMA_CONFIGURATOR, GUEST_MAPPING_PATH, `the ${NUMA_FEATURE_GATE} feature gate is not enabled`));
    }
    if (cpu?.dedicatedCpuPlacement !== true) {
      problems.push(problem(NUMA_CONFIGURATOR, GUEST_MAPPING_PATH, 'spec.domain.cpu.dedicatedCpuPlacement must be true for a guest NUMA mapping'));
    }
    if (vmi.spec.domain.memory?.hugepages === undefined) {
      problems.push(problem(NUMA_CONFIGURATOR, GUEST_MAPPING_PATH, 'spec.domain.memory.hugepages must be requested for a guest NUMA mapping'));
    }
    if (vmi.spec.domain.memory?.guest === undefined) {
      problems.push(problem(NUMA_CONFIGURATOR, 'spec.domain.memory.guest', 'a guest NUMA mapping needs the guest memory size'));
    }
    return problems;
  },
  configure(vmi, domain, { options, warn }) {
    if (!wantsGuestNuma(vmi)) return;
    const planned = planVcpus(vmi, options);
    if (!planned.ok) throw new Error(`${planned.path}: ${planned.reason}`);
    const memory = vmi.spec.domain.memory;
    const totalKiB = quantityToBytes(memory?.guest ?? 0) / 1024n;
    const pageKiB = memory?.hugepages?.pageSize === undefined ? 1n : quantityToBytes(memory.hugepages.pageSize) / 1024n;
    const plans = cellPlans(planned.plan.maximum, options);
    if (options.hostNumaNodes.length === 0) warn(GUEST_MAPPING_PATH, 'options.hostNumaNodes is empty: the guest gets a single NUMA cell');
    const share = (totalKiB / BigInt(plans.length) / pageKiB) * pageKiB;
    const cells: NumaCell[] = plans.map((plan, id) => ({
      id,
      cpus: formatCpuList(plan.vcpus),
      memory: Number(id === plans.length - 1 ? totalKiB - share * BigInt(plans.length - 1) : share),
      unit: 'KiB',
    }));
    domain.cpu = { ...domain.cpu, numa: { cells } };
    const memnodes: NumatuneMemnode[] = plans.flatMap((plan, cellid) => (plan.hostNode === undefined ? [] : [{ cellid, mode: 'strict', nodeset: String(plan.hostNode) }]));
    if (memnodes.length > 0) {
      const nodes = memnodes.map((memnode) => Number(memnode.nodeset));
      domain.numatune = { memory: { mode: 'strict', nodeset: formatCpuList(nodes) }, memnodes };
    }
  },
};
