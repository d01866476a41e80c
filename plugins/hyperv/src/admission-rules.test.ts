import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { withDefaults, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { hypervPlugin } from './plugin.ts';

type Domain = VirtualMachineInstance['spec']['domain'];

function vmiWith(domain: Partial<Domain>): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'rules', namespace: 'lab' },
    spec: { domain: { devices: {}, memory: { guest: '256Mi' }, ...domain } },
  };
}

function pluginProblems(vmi: VirtualMachineInstance, options: Record<string, unknown> = {}): VmiProblem[] {
  const converter = createConverter({ plugins: [hypervPlugin], options: { hyperv: options } });
  return converter.validate(withDefaults(vmi), defaultConverterContext()).filter((found) => found.rule.startsWith('hyperv:'));
}

function pathsAndSeverities(problems: VmiProblem[]): string[] {
  return problems.map((found) => `${found.severity} ${found.path}`);
}

const off = { enabled: false };

describe('hyperv dependency rules', () => {
  it('synic needs vpindex', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { synic: {}, vpindex: off } } }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.features.hyperv.synic']);
    expect(problems[0]?.reason).toBe('spec.domain.features.hyperv.synic requires spec.domain.features.hyperv.vpindex, which is disabled');
  });

  it('synictimer needs synic', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { synictimer: {}, synic: off } } })))).toEqual(['error spec.domain.features.hyperv.synictimer']);
  });

  it('synictimer needs vpindex', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { synictimer: {}, synic: {}, vpindex: off } } }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.features.hyperv.synic', 'error spec.domain.features.hyperv.synictimer']);
  });

  it('synictimer needs the Hyper-V clock', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { synictimer: {} } }, clock: { utc: {}, timer: { hyperv: { present: false } } } }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.features.hyperv.synictimer']);
    expect(problems[0]?.reason).toContain('spec.domain.clock.timer.hyperv');
  });

  it('tlbflush and ipi need vpindex', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { tlbflush: {}, ipi: {}, vpindex: off } } })))).toEqual([
      'error spec.domain.features.hyperv.tlbflush',
      'error spec.domain.features.hyperv.ipi',
    ]);
  });

  it('evmcs needs vapic', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { evmcs: {}, vapic: off } } })))).toEqual(['error spec.domain.features.hyperv.evmcs']);
  });

  it('reports missing requirements as errors when enabling them is switched off', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { ipi: {} } } }), { enableDependencies: false });
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.features.hyperv.ipi']);
    expect(problems[0]?.reason).toContain('not enabled');
  });

  it('accepts missing requirements by default (they are switched on)', () => {
    expect(pluginProblems(vmiWith({ features: { hyperv: { synictimer: { direct: {} }, ipi: {}, tlbflush: {}, evmcs: {} } } }))).toEqual([]);
  });
});

describe('hyperv value rules', () => {
  it('evmcs needs vmx with policy require', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { evmcs: {} } }, cpu: { features: [{ name: 'vmx', policy: 'disable' }] } }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.features[0].policy']);
  });

  it('evmcs is refused on an AMD CPU model', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { evmcs: {} } }, cpu: { model: 'EPYC-Rome' } })))).toEqual(['error spec.domain.cpu.model']);
  });

  it('spinlocks need at least 4095 retries', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { spinlocks: { spinlocks: 100 } } } })))).toEqual(['error spec.domain.features.hyperv.spinlocks.spinlocks']);
  });

  it('a vendor id is 1 to 12 characters without commas', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { vendorid: { vendorid: 'thirteen-char' } } } })))).toEqual(['error spec.domain.features.hyperv.vendorid.vendorid']);
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { vendorid: { vendorid: 'a,b' } } } })))).toEqual(['error spec.domain.features.hyperv.vendorid.vendorid']);
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { vendorid: {} } } })))).toEqual(['error spec.domain.features.hyperv.vendorid.vendorid']);
  });

  it('direct and extended flags need their enlightenment on', () => {
    const problems = pluginProblems(vmiWith({ features: { hyperv: { synictimer: { enabled: false, direct: {} }, tlbflush: { enabled: false, direct: {}, extended: {} } } } }));
    expect(pathsAndSeverities(problems)).toEqual([
      'error spec.domain.features.hyperv.synictimer.direct',
      'error spec.domain.features.hyperv.tlbflush.direct',
      'error spec.domain.features.hyperv.tlbflush.extended',
    ]);
  });

  it('direct TLB flush needs vapic', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hyperv: { tlbflush: { direct: {} }, vapic: off, vpindex: {} } } })))).toEqual(['error spec.domain.features.hyperv.tlbflush.direct']);
  });

  it('passthrough cannot be combined with listed enlightenments', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ features: { hypervPassthrough: { enabled: true }, hyperv: { relaxed: {} } } })))).toEqual(['error spec.domain.features.hypervPassthrough']);
  });
});

describe('hyperv on an emulated domain', () => {
  it('warns that vpindex (also when a feature pulls it in) may not start under TCG', () => {
    const converter = createConverter({ plugins: [hypervPlugin] });
    const problems = converter.validate(withDefaults(vmiWith({ features: { hyperv: { ipi: {} } } })), defaultConverterContext({ virtType: 'qemu' })).filter((found) => found.rule.startsWith('hyperv:'));
    expect(pathsAndSeverities(problems)).toEqual(['warning spec.domain.features.hyperv.vpindex']);
  });
});
