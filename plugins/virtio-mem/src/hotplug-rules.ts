import type { ConfigureContext } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { bytesOf } from './byte-quantity.ts';
import { describeBytes } from './describe-bytes.ts';
import { blockBytesOf, guestBytesOf, ONE_GIB } from './hotplug-plan.ts';
import type { VirtioMemOptions } from './options.ts';
import { problem } from './problem.ts';

export const HOTPLUG_CONFIGURATOR = 'virtio-mem:hotplug';
const GUEST_PATH = 'spec.domain.memory.guest';
const MAX_GUEST_PATH = 'spec.domain.memory.maxGuest';

/**
 * KubeVirt's `ValidateLiveUpdateMemory`, for every VMI with `maxGuest`: a guest memory size, both
 * sizes aligned to the hotplug block (2Mi, 1Gi with 1Gi huge pages), at least 1Gi of guest memory,
 * x86_64 only, and not with realtime, a guest NUMA mapping or launch security. Plus, for a VMI
 * that carries `status.memory.guestAtBoot`, that the guest is not asked to shrink below it.
 */
export function validateHotplug(vmi: VirtualMachineInstance, context: ConfigureContext<VirtioMemOptions>): VmiProblem[] {
  const domain = vmi.spec.domain;
  if (domain.memory?.maxGuest === undefined) return [];
  const rule = HOTPLUG_CONFIGURATOR;
  const problems: VmiProblem[] = [];
  const block = blockBytesOf(vmi);
  const guest = guestBytesOf(vmi);
  const maxGuest = bytesOf(domain.memory.maxGuest);
  if (guest === undefined) {
    problems.push(problem(rule, GUEST_PATH, 'guest memory must be given when memory hotplug (maxGuest) is on'));
  } else {
    if (guest % block !== 0n) problems.push(problem(rule, GUEST_PATH, `must be ${describeBytes(block)} aligned for memory hotplug`));
    if (guest < ONE_GIB) problems.push(problem(rule, GUEST_PATH, 'memory hotplug needs at least 1Gi of guest memory'));
  }
  if (maxGuest !== undefined && maxGuest % block !== 0n) problems.push(problem(rule, MAX_GUEST_PATH, `must be ${describeBytes(block)} aligned for memory hotplug`));
  const architecture = vmi.spec.architecture;
  if ((architecture !== undefined && architecture !== 'amd64') || context.architecture !== 'x86_64') {
    problems.push(problem(rule, 'spec.architecture', `memory hotplug is only available for x86_64 guests, not ${architecture ?? context.architecture}`));
  }
  if (domain.cpu?.realtime !== undefined) problems.push(problem(rule, 'spec.domain.cpu.realtime', 'memory hotplug is not compatible with realtime guests'));
  if (domain.cpu?.numa?.guestMappingPassthrough !== undefined) {
    problems.push(problem(rule, 'spec.domain.cpu.numa.guestMappingPassthrough', 'memory hotplug is not compatible with a guest NUMA mapping'));
  }
  if (domain.launchSecurity !== undefined) problems.push(problem(rule, 'spec.domain.launchSecurity', 'memory hotplug is not compatible with encrypted guests'));
  const boot = bytesOf(vmi.status?.memory?.guestAtBoot);
  if (boot !== undefined) {
    if (boot % block !== 0n) problems.push(problem(rule, 'status.memory.guestAtBoot', `must be ${describeBytes(block)} aligned for memory hotplug`));
    if (guest !== undefined && guest < boot) problems.push(problem(rule, GUEST_PATH, `cannot be less than the ${describeBytes(boot)} the guest booted with`));
  }
  return problems;
}
