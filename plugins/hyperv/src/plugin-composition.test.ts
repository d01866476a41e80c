// The hyperv plugin shares <clock>, <features> and <cpu> with other plugins; these compose it
// with the real ones (plugin-base's clock and features, plugin-cpu-topology's CPU mode) to show
// the ordering holds and it only touches what it owns.
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { buildBasePlugin } from '@kvmkit/plugin-base';
import { cpuTopologyPlugin } from '@kvmkit/plugin-cpu-topology';
import { loadManifests, withDefaults } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { hypervPlugin } from './plugin.ts';

const VMI = `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: composed
  namespace: lab
spec:
  domain:
    clock:
      utc: {}
      timer:
        rtc:
          tickPolicy: delay
        hyperv: {}
    cpu:
      model: Haswell-noTSX
      features:
        - name: pcid
    features:
      acpi: {}
      hyperv:
        relaxed: {}
        evmcs: {}
    memory:
      guest: 256Mi
    devices: {}
`;

describe('hyperv composed with plugin-base and plugin-cpu-topology', () => {
  const vmi = withDefaults(loadManifests(VMI).vmis[0]!.vmi);
  // Registered in the "wrong" order on purpose: the after constraints must still hold.
  const converter = createConverter({
    plugins: [hypervPlugin, cpuTopologyPlugin, buildBasePlugin({ configurators: ['base:memory', 'base:clock', 'base:features'] })],
    options: { hyperv: { windowsTimers: true } },
  });
  const { domain, configurators } = converter.convert(vmi, defaultConverterContext({ virtType: 'kvm' }));

  it('runs after the configurators whose elements it extends', () => {
    expect(configurators.indexOf('hyperv:clock')).toBeGreaterThan(configurators.indexOf('base:clock'));
    expect(configurators.indexOf('hyperv:enlightenments')).toBeGreaterThan(configurators.indexOf('base:features'));
    expect(configurators.indexOf('hyperv:enlightenments')).toBeGreaterThan(configurators.indexOf('cpu-topology:cpu'));
  });

  it('keeps the timers base wrote, owns hypervclock once, and only adds the missing Windows timers', () => {
    expect(domain.clock?.timers).toEqual([
      { name: 'rtc', tickpolicy: 'delay', present: true },
      { name: 'hypervclock', present: true },
      { name: 'pit', tickpolicy: 'delay' },
      { name: 'hpet', present: false },
    ]);
  });

  it('adds Hyper-V beside the platform features and vmx beside the CPU model and its features', () => {
    expect(domain.features?.acpi).toBe(true);
    expect(domain.features?.hyperv).toEqual({ mode: 'custom', relaxed: { state: true }, vapic: { state: true }, evmcs: { state: true } });
    expect(domain.cpu?.mode).toBe('custom');
    expect(domain.cpu?.model?.value).toBe('Haswell-noTSX');
    expect(domain.cpu?.features).toEqual([{ policy: 'require', name: 'pcid' }, { policy: 'require', name: 'vmx' }]);
  });
});
