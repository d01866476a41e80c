import type { Configurator } from '@kvmkit/core';
import type { Domain, IothreadPin } from '@kvmkit/domain-xml';
import { tryParseQuantity, quantityToMillis, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { formatCpuList, parseCpuList } from './cpu-list.ts';
import type { CpuTopologyOptions } from './options.ts';
import { problem } from './problem.ts';
import { TOPOLOGY_CONFIGURATOR } from './topology-configurator.ts';
import { planVcpus } from './vcpu-plan.ts';

export const PLACEMENT_CONFIGURATOR = 'cpu-topology:placement';
const DEDICATED_PATH = 'spec.domain.cpu.dedicatedCpuPlacement';

/** Whole CPUs of a request or limit, or why it is not a whole number (undefined when unset). */
function wholeCpus(value: unknown): { cpus?: number; fractional: boolean } {
  if (value === undefined) return { fractional: false };
  const parsed = tryParseQuantity(value);
  if (!parsed.ok) return { fractional: false };
  const millis = quantityToMillis(parsed.quantity);
  return { cpus: Number(millis / 1000n), fractional: millis % 1000n !== 0n };
}

/** KubeVirt's rules for dedicated CPUs (validateCpuPinning), plus kvmkit's need for a cpuset. */
function dedicatedProblems(vmi: VirtualMachineInstance, options: CpuTopologyOptions): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const add = (path: string, reason: string): void => { problems.push(problem(PLACEMENT_CONFIGURATOR, path, reason)); };
  const resources = vmi.spec.domain.resources;
  const request = wholeCpus(resources?.requests?.cpu);
  const limit = wholeCpus(resources?.limits?.cpu);
  if (request.fractional) add('spec.domain.resources.requests.cpu', 'dedicated CPUs are whole CPUs: the CPU request must be a whole number');
  if (limit.fractional) add('spec.domain.resources.limits.cpu', 'dedicated CPUs are whole CPUs: the CPU limit must be a whole number');
  if (request.cpus !== undefined && limit.cpus !== undefined && request.cpus !== limit.cpus) {
    add(DEDICATED_PATH, 'with dedicated CPUs the CPU request and limit must be equal');
  }
  const planned = planVcpus(vmi, options);
  if (!planned.ok) return problems;
  const { plan } = planned;
  const asked = request.cpus ?? limit.cpus;
  if (asked !== undefined && asked > 0 && asked !== plan.enabled) {
    add(DEDICATED_PATH, `the CPU request/limit (${String(asked)}) must equal the vCPU count sockets × cores × threads (${String(plan.enabled)}) with dedicated CPUs`);
  }
  if (plan.topology.threads > 2) add(DEDICATED_PATH, `at most 2 threads per core with dedicated CPUs (spec.domain.cpu.threads is ${String(plan.topology.threads)})`);
  if (options.dedicatedCpuSet === undefined) {
    add(DEDICATED_PATH, 'dedicated CPUs need host CPUs to pin to: set the plugin option dedicatedCpuSet (e.g. "2-5")');
    return problems;
  }
  const hostCpus = parseCpuList(options.dedicatedCpuSet) ?? [];
  const needed = plan.maximum + (vmi.spec.domain.cpu?.isolateEmulatorThread === true ? 1 : 0);
  if (hostCpus.length < needed) {
    add(DEDICATED_PATH, `dedicatedCpuSet "${options.dedicatedCpuSet}" has ${String(hostCpus.length)} CPUs; this VMI needs ${String(needed)} (one per vCPU${needed > plan.maximum ? ' and one for the emulator thread' : ''})`);
  }
  return problems;
}

function realtimeProblems(vmi: VirtualMachineInstance, vcpuTotal: number | undefined): VmiProblem[] {
  const cpu = vmi.spec.domain.cpu;
  if (cpu?.realtime === undefined) return [];
  const problems: VmiProblem[] = [];
  if (cpu.dedicatedCpuPlacement !== true) problems.push(problem(PLACEMENT_CONFIGURATOR, DEDICATED_PATH, 'must be true when spec.domain.cpu.realtime is used'));
  if (cpu.numa?.guestMappingPassthrough === undefined) {
    problems.push(problem(PLACEMENT_CONFIGURATOR, 'spec.domain.cpu.numa.guestMappingPassthrough', 'must be set when spec.domain.cpu.realtime is used'));
  }
  const mask = cpu.realtime.mask;
  if (mask !== undefined && mask !== '') {
    const ids = parseCpuList(mask);
    if (ids === undefined || ids.length === 0) {
      problems.push(problem(PLACEMENT_CONFIGURATOR, 'spec.domain.cpu.realtime.mask', `"${mask}" is not a vCPU list such as 0-3,^1`));
    } else if (vcpuTotal !== undefined && ids.some((id) => id >= vcpuTotal)) {
      problems.push(problem(PLACEMENT_CONFIGURATOR, 'spec.domain.cpu.realtime.mask', `"${mask}" names a vCPU beyond the last one (${String(vcpuTotal - 1)})`));
    }
  }
  return problems;
}

/** Every IO thread id of the domain, as the disk configurators left them. */
function iothreadIds(domain: Domain): number[] {
  const listed = domain.iothreadids?.iothreads.map((iothread) => iothread.id) ?? [];
  if (listed.length > 0) return listed;
  return Array.from({ length: domain.iothreads ?? 0 }, (_unused, index) => index + 1);
}

/**
 * `dedicatedCpuPlacement` → one `<vcpupin>` per vCPU onto the dedicated host CPUs in order;
 * `isolateEmulatorThread` → `<emulatorpin>` on the next dedicated CPU, where IO threads also go
 * (else IO threads share the vCPUs' CPUs); `realtime` → `<vcpusched scheduler='fifo'
 * priority='1'>` on the mask (all vCPUs by default) and the PMU off, as KubeVirt does. Runs in
 * the post phase so the IO threads other configurators add are known.
 */
export const placementConfigurator: Configurator<CpuTopologyOptions> = {
  specificationVersion: 'v1',
  name: PLACEMENT_CONFIGURATOR,
  phase: 'post',
  after: [TOPOLOGY_CONFIGURATOR],
  validate(vmi, { options }) {
    const cpu = vmi.spec.domain.cpu;
    const problems: VmiProblem[] = [];
    if (cpu?.isolateEmulatorThread === true && cpu.dedicatedCpuPlacement !== true) {
      problems.push(problem(PLACEMENT_CONFIGURATOR, 'spec.domain.cpu.isolateEmulatorThread', 'only works together with spec.domain.cpu.dedicatedCpuPlacement: true'));
    }
    if (cpu?.dedicatedCpuPlacement === true) problems.push(...dedicatedProblems(vmi, options));
    const planned = planVcpus(vmi, options);
    problems.push(...realtimeProblems(vmi, planned.ok ? planned.plan.maximum : undefined));
    return problems;
  },
  configure(vmi, domain, { options }) {
    const cpu = vmi.spec.domain.cpu;
    if (cpu?.dedicatedCpuPlacement !== true) return;
    const planned = planVcpus(vmi, options);
    if (!planned.ok) throw new Error(`${planned.path}: ${planned.reason}`);
    const total = planned.plan.maximum;
    const hostCpus = parseCpuList(options.dedicatedCpuSet ?? '') ?? [];
    const vcpuCpus = hostCpus.slice(0, total);
    const emulatorCpu = cpu.isolateEmulatorThread === true ? hostCpus[total] : undefined;
    const iothreadCpuset = emulatorCpu === undefined ? formatCpuList(vcpuCpus) : String(emulatorCpu);
    const iothreadpins: IothreadPin[] = iothreadIds(domain).map((iothread) => ({ iothread, cpuset: iothreadCpuset }));
    domain.cputune = {
      ...domain.cputune,
      vcpupins: vcpuCpus.map((hostCpu, vcpu) => ({ vcpu, cpuset: String(hostCpu) })),
      ...(emulatorCpu === undefined ? {} : { emulatorpin: { cpuset: String(emulatorCpu) } }),
      ...(iothreadpins.length > 0 ? { iothreadpins } : {}),
    };
    if (cpu.realtime !== undefined) {
      const mask = cpu.realtime.mask || formatCpuList(Array.from({ length: total }, (_unused, id) => id));
      domain.cputune.vcpuscheds = [{ vcpus: mask, scheduler: 'fifo', priority: 1 }];
      domain.features = { ...domain.features, pmu: { state: false } };
    }
  },
};
