import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** The enlightenments KubeVirt's API names, by their key under `spec.domain.features.hyperv`. */
export const ENLIGHTENMENTS = [
  'relaxed', 'vapic', 'spinlocks', 'vpindex', 'runtime', 'synic', 'synictimer', 'reset', 'vendorid', 'frequencies', 'reenlightenment', 'tlbflush', 'ipi', 'evmcs',
] as const;
export type Enlightenment = (typeof ENLIGHTENMENTS)[number];

/** `time` stands for the Hyper-V reference clock (`clock.timer.hyperv` → hypervclock). */
export type Requirement = Enlightenment | 'time';

export const HYPERV_PATH = 'spec.domain.features.hyperv';
export const HYPERV_TIMER_PATH = 'spec.domain.clock.timer.hyperv';

export function pathOf(name: Requirement): string {
  return name === 'time' ? HYPERV_TIMER_PATH : `${HYPERV_PATH}.${name}`;
}

/**
 * On, off, or not mentioned, for each enlightenment and the Hyper-V clock. After `withDefaults`
 * a present feature is `enabled: true` unless it says `false`.
 */
export function statesOf(vmi: VirtualMachineInstance): Map<Requirement, boolean | undefined> {
  const hyperv = vmi.spec.domain.features?.hyperv ?? {};
  const states = new Map<Requirement, boolean | undefined>();
  for (const name of ENLIGHTENMENTS) {
    const feature = hyperv[name];
    states.set(name, feature === undefined ? undefined : feature.enabled !== false);
  }
  const timer = vmi.spec.domain.clock?.timer?.hyperv;
  states.set('time', timer === undefined ? undefined : timer.present !== false);
  return states;
}
