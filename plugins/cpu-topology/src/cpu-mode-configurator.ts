import type { Configurator } from '@kvmkit/core';
import type { Cpu, CpuFeature } from '@kvmkit/domain-xml';
import type { VmiProblem } from '@kvmkit/vmi';
import type { CpuTopologyOptions } from './options.ts';
import { problem } from './problem.ts';

export const CPU_MODE_CONFIGURATOR = 'cpu-topology:cpu';

const FEATURE_POLICIES = new Set(['force', 'require', 'optional', 'disable', 'forbid']);
const HOST_MODELS = new Set(['host-model', 'host-passthrough']);

/** The `<cpu>` mode and model for a VMI model name on this hypervisor type. */
function modeFor(model: string, virtType: string, options: CpuTopologyOptions): Pick<Cpu, 'mode' | 'model'> {
  if (HOST_MODELS.has(model) && virtType === 'qemu') {
    // TCG has no host CPU to copy: libvirt can build neither host mode.
    if (options.emulatedHostCpu === 'maximum') return { mode: 'maximum' };
    if (options.emulatedHostCpu === 'qemu64') return { mode: 'custom', model: { value: 'qemu64' } };
  }
  if (HOST_MODELS.has(model)) return { mode: model };
  return { mode: 'custom', model: { value: model } };
}

/**
 * `spec.domain.cpu.model` and `features` → `<cpu mode>`, `<model>` and `<feature policy name>`.
 * `host-model` (KubeVirt's default) and `host-passthrough` copy the host CPU; any other name is a
 * libvirt CPU model (`mode='custom'`). Features without a policy get the default policy.
 */
export const cpuModeConfigurator: Configurator<CpuTopologyOptions> = {
  specificationVersion: 'v1',
  name: CPU_MODE_CONFIGURATOR,
  validate(vmi, context) {
    const problems: VmiProblem[] = [];
    const cpu = vmi.spec.domain.cpu;
    (cpu?.features ?? []).forEach((feature, index) => {
      const path = `spec.domain.cpu.features[${String(index)}]`;
      if (typeof feature.name !== 'string' || feature.name === '') problems.push(problem(CPU_MODE_CONFIGURATOR, `${path}.name`, 'a CPU feature needs a name'));
      if (feature.policy !== undefined && feature.policy !== '' && !FEATURE_POLICIES.has(feature.policy)) {
        problems.push(problem(CPU_MODE_CONFIGURATOR, `${path}.policy`, `CPU feature policy "${feature.policy}" is not supported; use force, require, optional, disable or forbid`));
      }
    });
    const model = cpu?.model ?? 'host-model';
    if (HOST_MODELS.has(model) && context.virtType === 'qemu') {
      if (context.options.emulatedHostCpu === 'reject') {
        problems.push(problem(CPU_MODE_CONFIGURATOR, 'spec.domain.cpu.model', `${model} needs hardware virtualization; this domain is emulated (virtType qemu): name a CPU model`));
      } else if (context.options.emulatedHostCpu === 'keep') {
        problems.push(problem(CPU_MODE_CONFIGURATOR, 'spec.domain.cpu.model', `${model} is kept for an emulated domain (virtType qemu); libvirt will refuse to start it`, 'warning'));
      }
    }
    return problems;
  },
  configure(vmi, domain, { options, virtType, warn }) {
    const cpu = vmi.spec.domain.cpu;
    const model = cpu?.model || 'host-model';
    const chosen = modeFor(model, virtType, options);
    if (HOST_MODELS.has(model) && chosen.mode !== model) {
      warn('spec.domain.cpu.model', `${model} cannot be emulated (virtType qemu); using ${chosen.mode === 'maximum' ? "mode='maximum'" : chosen.model?.value ?? ''} instead`);
    }
    const features: CpuFeature[] = (cpu?.features ?? []).map((feature) => ({
      policy: feature.policy || options.defaultFeaturePolicy,
      name: feature.name,
    }));
    if (chosen.mode === 'host-model') {
      for (const name of options.hostModelDisabledFeatures) {
        if (!features.some((feature) => feature.name === name)) features.push({ policy: 'disable', name });
      }
    }
    domain.cpu = {
      ...domain.cpu,
      ...chosen,
      ...(features.length > 0 ? { features } : {}),
    };
  },
};
