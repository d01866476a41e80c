import { describe, expect, it } from 'vitest';
import { ensureSingleNumaCell } from './ensure-single-numa-cell.ts';
import { formatDomainXml } from './format-domain-xml.ts';
import type { Domain } from './model/domain.ts';

describe('ensureSingleNumaCell', () => {
  it('adds one cell with every vCPU and the memory, keeping the rest of <cpu>', () => {
    const domain: Domain = { type: 'kvm', name: 'd', cpu: { mode: 'host-model' } };
    expect(ensureSingleNumaCell(domain, 4, 1048576n)).toBe(true);
    expect(domain.cpu).toEqual({ mode: 'host-model', numa: { cells: [{ id: 0, cpus: '0-3', memory: 1048576, unit: 'KiB' }] } });
    expect(formatDomainXml(domain)).toContain("<cell id='0' cpus='0-3' memory='1048576' unit='KiB'/>");
  });

  it('writes a single vCPU as cpus 0, also when the domain has no <cpu> yet', () => {
    const domain: Domain = { type: 'kvm', name: 'd' };
    expect(ensureSingleNumaCell(domain, 1, 131072n)).toBe(true);
    expect(domain.cpu).toEqual({ numa: { cells: [{ id: 0, cpus: '0', memory: 131072, unit: 'KiB' }] } });
  });

  it('keeps a topology another configurator wrote', () => {
    const cells = [{ id: 0, cpus: '0', memory: 512, unit: 'MiB' }, { id: 1, cpus: '1', memory: 512, unit: 'MiB' }];
    const domain: Domain = { type: 'kvm', name: 'd', cpu: { numa: { cells } } };
    expect(ensureSingleNumaCell(domain, 2, 1048576n)).toBe(false);
    expect(domain.cpu?.numa?.cells).toBe(cells);
  });

  it('adds the cell when <numa> is there but has no cells', () => {
    const domain: Domain = { type: 'kvm', name: 'd', cpu: { numa: { cells: [] } } };
    expect(ensureSingleNumaCell(domain, 2, 2048n)).toBe(true);
    expect(domain.cpu?.numa?.cells).toEqual([{ id: 0, cpus: '0-1', memory: 2048, unit: 'KiB' }]);
  });
});
