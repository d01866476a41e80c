import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { baseMemoryStandInPlugin } from '@kvmkit/core/testing';
import { withDefaults, type VirtualMachineInstance, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { hugepagesPlugin } from './plugin.ts';

function vmiWith(memory: Record<string, unknown>, resources?: Record<string, unknown>): VirtualMachineInstance {
  const vmi: VirtualMachineInstance = {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'rules' },
    spec: { domain: { memory, devices: {}, ...(resources === undefined ? {} : { resources }) } },
  };
  return vmi;
}

const bothSizes = defaultConverterContext({
  host: { ...defaultConverterContext().host, hugepageSizesKiB: [2048, 1048576] },
});

/** The problems the plugin's rules report (core rules filtered out), from a real converter. */
function problemsOf(vmi: VirtualMachineInstance, context = bothSizes, { defaults = true } = {}): VmiProblem[] {
  const converter = createConverter({ plugins: [baseMemoryStandInPlugin, hugepagesPlugin], options: {} });
  return converter.validate(defaults ? withDefaults(vmi) : vmi, context).filter((found) => found.rule === 'hugepages:memory-backing');
}

describe('hugepages admission rules', () => {
  it('accepts 2Mi and 1Gi pages that divide the guest memory', () => {
    expect(problemsOf(vmiWith({ guest: '1Gi', hugepages: { pageSize: '2Mi' } }))).toEqual([]);
    expect(problemsOf(vmiWith({ guest: '2Gi', hugepages: { pageSize: '1Gi' } }))).toEqual([]);
  });

  it('requires a page size when hugepages are requested', () => {
    expect(problemsOf(vmiWith({ guest: '1Gi', hugepages: {} }))).toEqual([
      expect.objectContaining({ path: 'spec.domain.memory.hugepages.pageSize', severity: 'error', reason: expect.stringContaining('page size is required') as string }),
    ]);
  });

  it('refuses a page size that is not a whole number of KiB', () => {
    expect(problemsOf(vmiWith({ guest: '1Gi', hugepages: { pageSize: '1000' } }))).toEqual([
      expect.objectContaining({ path: 'spec.domain.memory.hugepages.pageSize', severity: 'error', reason: "'1000' is not a whole, positive number of KiB" }),
    ]);
  });

  it('refuses a page size the host does not have, naming the sizes it has', () => {
    const onlyTwoMegabytes = defaultConverterContext();
    expect(problemsOf(vmiWith({ guest: '2Gi', hugepages: { pageSize: '1Gi' } }), onlyTwoMegabytes)).toEqual([
      { path: 'spec.domain.memory.hugepages.pageSize', severity: 'error', rule: 'hugepages:memory-backing', reason: 'the host has no 1Gi huge pages (it has: 2Mi)' },
    ]);
    expect(problemsOf(vmiWith({ guest: '64Mi', hugepages: { pageSize: '4Mi' } }))).toEqual([
      expect.objectContaining({ path: 'spec.domain.memory.hugepages.pageSize', reason: 'the host has no 4Mi huge pages (it has: 2Mi, 1Gi)' }),
    ]);
  });

  it('refuses guest memory smaller than one page, on the field it came from', () => {
    expect(problemsOf(vmiWith({ guest: '512Mi', hugepages: { pageSize: '1Gi' } }))).toEqual([
      { path: 'spec.domain.memory.guest', severity: 'error', rule: 'hugepages:memory-backing', reason: '512Mi of guest memory is less than one 1Gi huge page' },
    ]);
  });

  it('refuses guest memory that is not a whole number of pages, also when it comes from the request', () => {
    expect(problemsOf(vmiWith({ hugepages: { pageSize: '2Mi' } }, { requests: { memory: '129Mi' } }))).toEqual([
      { path: 'spec.domain.memory.guest', severity: 'error', rule: 'hugepages:memory-backing', reason: '129Mi of guest memory is not a multiple of the 2Mi huge page size' },
    ]);
    // Admission may also see the VMI as written, before defaults copy the request into memory.guest.
    expect(problemsOf(vmiWith({ hugepages: { pageSize: '2Mi' } }, { requests: { memory: '129Mi' } }), bothSizes, { defaults: false })).toEqual([
      expect.objectContaining({ path: 'spec.domain.resources.requests.memory', severity: 'error' }),
    ]);
  });

  it('refuses a nodeset that names a guest NUMA node that does not exist', () => {
    const converter = createConverter({ plugins: [baseMemoryStandInPlugin, hugepagesPlugin], options: { hugepages: { nodeset: '0-1' } } });
    expect(() => converter.convert(withDefaults(vmiWith({ guest: '1Gi', hugepages: { pageSize: '2Mi' } })), bothSizes)).toThrow(/options.nodeset '0-1': the guest has no NUMA node 1/);
  });

  it('refuses a malformed nodeset option when the plugin is registered', () => {
    expect(() => createConverter({ plugins: [baseMemoryStandInPlugin, hugepagesPlugin], options: { hugepages: { nodeset: 'all' } } })).toThrow(/nodeset/);
  });
});
