import { createConverter, defaultConverterContext, type ConverterContext } from '@kvmkit/core';
import { withDefaults, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { cpuTopologyPlugin } from './plugin.ts';

type Spec = VirtualMachineInstance['spec'];

function vmiWith(domain: Partial<Spec['domain']>, annotations?: Record<string, string>): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'rules', namespace: 'lab', ...(annotations === undefined ? {} : { annotations }) },
    spec: { domain: { devices: {}, memory: { guest: '256Mi' }, ...domain } },
  };
}

/** The problems this plugin reports (core rules filtered out), for the VMI after defaults. */
function pluginProblems(vmi: VirtualMachineInstance, options: Record<string, unknown> = {}, context: Partial<ConverterContext> = {}): VmiProblem[] {
  const converter = createConverter({ plugins: [cpuTopologyPlugin], options: { 'cpu-topology': options } });
  return converter.validate(withDefaults(vmi), defaultConverterContext(context)).filter((found) => found.rule.startsWith('cpu-topology:'));
}

function pathsAndSeverities(problems: VmiProblem[]): string[] {
  return problems.map((found) => `${found.severity} ${found.path}`);
}

const dedicated = { dedicatedCpuPlacement: true, sockets: 2, cores: 1, threads: 1 };
const hugepages = { guest: '256Mi', hugepages: { pageSize: '2Mi' } };

describe('cpu-topology:cpu rules', () => {
  it('refuses an unknown feature policy, naming the feature', () => {
    const problems = pluginProblems(vmiWith({ cpu: { features: [{ name: 'pcid', policy: 'sometimes' }] } }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.features[0].policy']);
    expect(problems[0]?.reason).toContain('"sometimes"');
  });

  it('refuses a feature without a name', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { features: [{ name: '', policy: 'require' }] } })))).toEqual(['error spec.domain.cpu.features[0].name']);
  });

  it('refuses host-passthrough on an emulated domain when told to reject', () => {
    const problems = pluginProblems(vmiWith({ cpu: { model: 'host-passthrough' } }), { emulatedHostCpu: 'reject' }, { virtType: 'qemu' });
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.model']);
  });

  it('warns when host-model is kept on an emulated domain', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({}), { emulatedHostCpu: 'keep' }, { virtType: 'qemu' }))).toEqual(['warning spec.domain.cpu.model']);
  });

  it('accepts host-model on KVM', () => {
    expect(pluginProblems(vmiWith({}), { emulatedHostCpu: 'reject' }, { virtType: 'kvm' })).toEqual([]);
  });
});

describe('cpu-topology:topology rules', () => {
  it('refuses more sockets than maxSockets', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { sockets: 4, maxSockets: 2 } })))).toEqual(['error spec.domain.cpu.sockets']);
  });

  it('refuses more vCPUs than the host allows, on the field that makes them', () => {
    const host = { ...defaultConverterContext().host, maxVcpus: 8 };
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { sockets: 4, cores: 4 } }), {}, { host }))).toEqual(['error spec.domain.cpu.sockets']);
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { sockets: 1, cores: 4, maxSockets: 4 } }), {}, { host }))).toEqual(['error spec.domain.cpu.maxSockets']);
  });

  it('refuses a preference annotation it does not know', () => {
    const problems = pluginProblems(vmiWith({}, { 'cpu-topology.kvmkit.dev/preferred-topology': 'preferDies' }));
    expect(pathsAndSeverities(problems)).toEqual(["error metadata.annotations['cpu-topology.kvmkit.dev/preferred-topology']"]);
  });

  it('refuses a spread that does not divide the vCPU count', () => {
    const vmi = vmiWith({ resources: { requests: { cpu: '3' } } }, { 'cpu-topology.kvmkit.dev/preferred-topology': 'preferSpread', 'cpu-topology.kvmkit.dev/spread-ratio': '2' });
    expect(pathsAndSeverities(pluginProblems(vmi))).toEqual(["error metadata.annotations['cpu-topology.kvmkit.dev/spread-ratio']"]);
  });

  it('refuses a bad spread ratio annotation and an unknown spread', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({}, { 'cpu-topology.kvmkit.dev/spread-ratio': '0' })))).toEqual(["error metadata.annotations['cpu-topology.kvmkit.dev/spread-ratio']"]);
    expect(pathsAndSeverities(pluginProblems(vmiWith({}, { 'cpu-topology.kvmkit.dev/spread-across': 'Dies' })))).toEqual(["error metadata.annotations['cpu-topology.kvmkit.dev/spread-across']"]);
  });

  it('warns that a preference is not applied to a topology the VMI spells out', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { sockets: 1, cores: 2 } }), { preferredTopology: 'preferSockets' }))).toEqual(['warning spec.domain.cpu']);
  });
});

describe('cpu-topology:numa rules', () => {
  const numa = { guestMappingPassthrough: {} };

  it('needs the NUMA feature gate, dedicated CPUs and hugepages', () => {
    const problems = pluginProblems(vmiWith({ cpu: { numa } }));
    expect(pathsAndSeverities(problems)).toEqual([
      'error spec.domain.cpu.numa.guestMappingPassthrough',
      'error spec.domain.cpu.numa.guestMappingPassthrough',
      'error spec.domain.cpu.numa.guestMappingPassthrough',
    ]);
    expect(problems.map((found) => found.reason).join(' | ')).toMatch(/feature gate.*dedicatedCpuPlacement.*hugepages/);
  });

  it('accepts a complete guest NUMA mapping', () => {
    const vmi = vmiWith({ cpu: { ...dedicated, numa }, memory: hugepages });
    expect(pluginProblems(vmi, { dedicatedCpuSet: '0-1' }, { featureGates: new Set(['NUMA']) })).toEqual([]);
  });
});

describe('cpu-topology:placement rules', () => {
  it('refuses pinning without a cpuset', () => {
    const problems = pluginProblems(vmiWith({ cpu: dedicated }));
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.dedicatedCpuPlacement']);
    expect(problems[0]?.reason).toContain('dedicatedCpuSet');
  });

  it('refuses a cpuset smaller than the vCPUs plus the emulator thread', () => {
    const problems = pluginProblems(vmiWith({ cpu: { ...dedicated, isolateEmulatorThread: true } }), { dedicatedCpuSet: '0-1' });
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.dedicatedCpuPlacement']);
    expect(problems[0]?.reason).toContain('needs 3');
  });

  it('refuses fractional CPUs with dedicated placement', () => {
    const problems = pluginProblems(vmiWith({ cpu: { dedicatedCpuPlacement: true }, resources: { requests: { cpu: '1500m' }, limits: { cpu: '1500m' } } }), { dedicatedCpuSet: '0-3' });
    expect(pathsAndSeverities(problems)).toContain('error spec.domain.resources.requests.cpu');
    expect(pathsAndSeverities(problems)).toContain('error spec.domain.resources.limits.cpu');
  });

  it('refuses a request that differs from the limit', () => {
    const problems = pluginProblems(vmiWith({ cpu: { dedicatedCpuPlacement: true }, resources: { requests: { cpu: '1' }, limits: { cpu: '2' } } }), { dedicatedCpuSet: '0-3' });
    expect(problems.find((found) => found.reason.includes('request and limit must be equal'))?.path).toBe('spec.domain.cpu.dedicatedCpuPlacement');
  });

  it('refuses a request that differs from the vCPU count', () => {
    const problems = pluginProblems(vmiWith({ cpu: { ...dedicated }, resources: { requests: { cpu: '4' }, limits: { cpu: '4' } } }), { dedicatedCpuSet: '0-3' });
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.dedicatedCpuPlacement']);
    expect(problems[0]?.reason).toContain('must equal the vCPU count');
  });

  it('refuses more than two threads per core', () => {
    const problems = pluginProblems(vmiWith({ cpu: { dedicatedCpuPlacement: true, sockets: 1, cores: 1, threads: 4 } }), { dedicatedCpuSet: '0-3' });
    expect(pathsAndSeverities(problems)).toEqual(['error spec.domain.cpu.dedicatedCpuPlacement']);
  });

  it('refuses an isolated emulator thread without dedicated CPUs', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { isolateEmulatorThread: true } })))).toEqual(['error spec.domain.cpu.isolateEmulatorThread']);
  });

  it('refuses realtime without dedicated CPUs and a guest NUMA mapping', () => {
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { realtime: {} } })))).toEqual([
      'error spec.domain.cpu.dedicatedCpuPlacement',
      'error spec.domain.cpu.numa.guestMappingPassthrough',
    ]);
  });

  it('refuses a realtime mask that is not a list or names a missing vCPU', () => {
    const base = { ...dedicated, numa: { guestMappingPassthrough: {} } };
    const context = { featureGates: new Set(['NUMA']) };
    const options = { dedicatedCpuSet: '0-1' };
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { ...base, realtime: { mask: 'all' } }, memory: hugepages }), options, context))).toEqual(['error spec.domain.cpu.realtime.mask']);
    expect(pathsAndSeverities(pluginProblems(vmiWith({ cpu: { ...base, realtime: { mask: '0-2' } }, memory: hugepages }), options, context))).toEqual(['error spec.domain.cpu.realtime.mask']);
  });

  it('refuses a cpuset option that is not a CPU list when the plugin is registered', () => {
    expect(() => createConverter({ plugins: [cpuTopologyPlugin], options: { 'cpu-topology': { dedicatedCpuSet: 'two' } } })).toThrow(/dedicatedCpuSet|CPU list/);
  });
});
