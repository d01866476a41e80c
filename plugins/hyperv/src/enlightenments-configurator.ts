import type { Configurator } from '@kvmkit/core';
import type { FeatureState, Hyperv } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { describeRequirement, resolveDependencies } from './dependencies.ts';
import { HYPERV_PATH, pathOf, type Requirement } from './enlightenment-states.ts';
import type { HypervOptions } from './options.ts';
import { problem } from './problem.ts';

export const ENLIGHTENMENTS_CONFIGURATOR = 'hyperv:enlightenments';
const PASSTHROUGH_PATH = 'spec.domain.features.hypervPassthrough';
/** libvirt and QEMU refuse fewer spinlock retries than this. */
export const MINIMUM_SPINLOCK_RETRIES = 4095;
/** AMD model families: evmcs is Intel's enlightened VMCS and needs `vmx`. */
const AMD_MODEL = /^(EPYC|Opteron|Dhyana|phenom|athlon)/i;

function passthroughWanted(vmi: VirtualMachineInstance): boolean {
  return vmi.spec.domain.features?.hypervPassthrough?.enabled === true;
}

function state(on: boolean | undefined): FeatureState | undefined {
  return on === undefined ? undefined : { state: on };
}

function evmcsProblems(vmi: VirtualMachineInstance): VmiProblem[] {
  const cpu = vmi.spec.domain.cpu;
  const problems: VmiProblem[] = [];
  (cpu?.features ?? []).forEach((feature, index) => {
    if (feature.name === 'vmx' && (feature.policy ?? 'require') !== 'require') {
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `spec.domain.cpu.features[${String(index)}].policy`, `${HYPERV_PATH}.evmcs needs the vmx CPU feature with policy require, not ${feature.policy ?? ''}`));
    }
  });
  if (cpu?.model !== undefined && AMD_MODEL.test(cpu.model)) {
    problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, 'spec.domain.cpu.model', `${HYPERV_PATH}.evmcs is Intel's enlightened VMCS and needs vmx; ${cpu.model} is an AMD model`));
  }
  return problems;
}

function valueProblems(vmi: VirtualMachineInstance): VmiProblem[] {
  const hyperv = vmi.spec.domain.features?.hyperv;
  const problems: VmiProblem[] = [];
  const retries = hyperv?.spinlocks?.spinlocks;
  if (hyperv?.spinlocks?.enabled !== false && retries !== undefined && retries < MINIMUM_SPINLOCK_RETRIES) {
    problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `${HYPERV_PATH}.spinlocks.spinlocks`, `at least ${String(MINIMUM_SPINLOCK_RETRIES)} spinlock retries, got ${String(retries)}`));
  }
  const vendor = hyperv?.vendorid;
  if (vendor !== undefined && vendor.enabled !== false) {
    const value = vendor.vendorid ?? '';
    if (value === '' || value.length > 12 || value.includes(',')) {
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `${HYPERV_PATH}.vendorid.vendorid`, `a vendor id is 1 to 12 characters without commas, got "${value}"`));
    }
  }
  const flags: [string, { enabled?: boolean } | undefined, { enabled?: boolean } | undefined][] = [
    ['synictimer.direct', hyperv?.synictimer, hyperv?.synictimer?.direct],
    ['tlbflush.direct', hyperv?.tlbflush, hyperv?.tlbflush?.direct],
    ['tlbflush.extended', hyperv?.tlbflush, hyperv?.tlbflush?.extended],
  ];
  for (const [name, parent, flag] of flags) {
    if (parent?.enabled === false && flag !== undefined && flag.enabled !== false) {
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `${HYPERV_PATH}.${name}`, `needs ${HYPERV_PATH}.${name.split('.')[0] ?? ''}, which is disabled`));
    }
  }
  const tlbflushDirect = hyperv?.tlbflush?.direct;
  if (hyperv?.tlbflush?.enabled !== false && tlbflushDirect !== undefined && tlbflushDirect.enabled !== false && hyperv?.vapic?.enabled === false) {
    problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `${HYPERV_PATH}.tlbflush.direct`, `needs ${HYPERV_PATH}.vapic, which is disabled`));
  }
  return problems;
}

/** The `<hyperv mode='custom'>` element for the resolved states. */
function customHyperv(vmi: VirtualMachineInstance, states: Map<Requirement, boolean | undefined>, options: HypervOptions, warn: (path: string, reason: string) => void): Hyperv {
  const hyperv = vmi.spec.domain.features?.hyperv ?? {};
  const on = (name: Requirement): FeatureState | undefined => state(states.get(name));
  const result: Hyperv = { mode: 'custom' };
  const assign = <Key extends keyof Hyperv>(key: Key, value: Hyperv[Key] | undefined): void => {
    if (value !== undefined) result[key] = value;
  };
  assign('relaxed', on('relaxed'));
  assign('vapic', on('vapic'));
  const spinlocks = on('spinlocks');
  assign('spinlocks', spinlocks === undefined ? undefined : { ...spinlocks, ...(spinlocks.state === true && hyperv.spinlocks?.spinlocks !== undefined ? { retries: hyperv.spinlocks.spinlocks } : {}) });
  assign('vpindex', on('vpindex'));
  assign('runtime', on('runtime'));
  assign('synic', on('synic'));
  const stimer = on('synictimer');
  const stimerDirect = state(hyperv.synictimer?.direct === undefined ? undefined : hyperv.synictimer.direct.enabled !== false);
  assign('stimer', stimer === undefined ? undefined : { ...stimer, ...(stimer.state === true && stimerDirect !== undefined ? { direct: stimerDirect } : {}) });
  assign('reset', on('reset'));
  const vendor = on('vendorid');
  assign('vendorId', vendor === undefined ? undefined : { ...vendor, ...(vendor.state === true ? { value: hyperv.vendorid?.vendorid ?? '' } : {}) });
  assign('frequencies', on('frequencies'));
  assign('reenlightenment', on('reenlightenment'));
  const tlbflush = on('tlbflush');
  if (tlbflush !== undefined) {
    const direct = hyperv.tlbflush?.direct;
    const extended = hyperv.tlbflush?.extended;
    const flags = { ...(direct === undefined ? {} : { direct: { state: direct.enabled !== false } }), ...(extended === undefined ? {} : { extended: { state: extended.enabled !== false } }) };
    const wantsFlags = tlbflush.state === true && Object.keys(flags).length > 0;
    if (wantsFlags && !options.tlbflushFlags) warn(`${HYPERV_PATH}.tlbflush`, 'direct/extended TLB flush is not written: set the plugin option tlbflushFlags when libvirt knows them (newer than 9.0)');
    result.tlbflush = wantsFlags && options.tlbflushFlags ? { ...tlbflush, ...flags } : tlbflush;
  }
  assign('ipi', on('ipi'));
  assign('evmcs', on('evmcs'));
  return result;
}

/**
 * `spec.domain.features.hyperv` → `<features><hyperv mode='custom'>` with every enlightenment the
 * VMI mentions (state on or off), after switching on what they need; `hypervPassthrough` →
 * `<hyperv mode='passthrough'/>` (every enlightenment the host offers). evmcs also requires the
 * `vmx` CPU feature, as KubeVirt's webhook adds it.
 */
export const enlightenmentsConfigurator: Configurator<HypervOptions> = {
  specificationVersion: 'v1',
  name: ENLIGHTENMENTS_CONFIGURATOR,
  after: ['cpu-topology:cpu', 'base:features'],
  validate(vmi, { options, virtType }) {
    const problems: VmiProblem[] = [];
    if (passthroughWanted(vmi) && vmi.spec.domain.features?.hyperv !== undefined) {
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, PASSTHROUGH_PATH, `cannot be combined with ${HYPERV_PATH}: passthrough already turns on every enlightenment the host has`));
    }
    const resolved = resolveDependencies(vmi, options.enableDependencies);
    for (const { feature, requirement, explicitlyOff } of resolved.unmet) {
      const reason = `${describeRequirement(feature, requirement)}, which is ${explicitlyOff ? 'disabled' : 'not enabled'}`;
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, pathOf(feature), reason));
    }
    if (resolved.states.get('evmcs') === true) problems.push(...evmcsProblems(vmi));
    if (virtType === 'qemu' && resolved.states.get('vpindex') === true) {
      // QEMU 7.2 under TCG refuses hv-vpindex at start ("kernel doesn't allow setting HyperV VP_INDEX").
      problems.push(problem(ENLIGHTENMENTS_CONFIGURATOR, `${HYPERV_PATH}.vpindex`, 'an emulated domain (virtType qemu) may not start with vpindex (needed by synic, synictimer, tlbflush, ipi): QEMU 7.2 refuses it under TCG', 'warning'));
    }
    problems.push(...valueProblems(vmi));
    return problems;
  },
  configure(vmi, domain, { options, warn }) {
    if (passthroughWanted(vmi)) {
      domain.features = { ...domain.features, hyperv: { mode: 'passthrough' } };
      return;
    }
    if (vmi.spec.domain.features?.hyperv === undefined) return;
    const resolved = resolveDependencies(vmi, options.enableDependencies);
    for (const { feature, requirement } of resolved.enabled) warn(pathOf(requirement), `enabled because ${describeRequirement(feature, requirement)}`);
    domain.features = { ...domain.features, hyperv: customHyperv(vmi, resolved.states, options, warn) };
    if (resolved.states.get('evmcs') === true) {
      const features = domain.cpu?.features ?? [];
      const others = features.filter((feature) => feature.name !== 'vmx');
      // A feature list needs a CPU mode; KubeVirt's default one is host-model.
      domain.cpu = { ...domain.cpu, mode: domain.cpu?.mode ?? 'host-model', features: [...others, { policy: 'require', name: 'vmx' }] };
    }
  },
};
