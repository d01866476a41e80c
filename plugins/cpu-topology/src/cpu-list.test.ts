import { describe, expect, it } from 'vitest';
import { formatCpuList, parseCpuList } from './cpu-list.ts';

describe('CPU lists', () => {
  it('reads ranges, single ids and exclusions', () => {
    expect(parseCpuList('0-3,^1,8')).toEqual([0, 2, 3, 8]);
    expect(parseCpuList('5')).toEqual([5]);
  });

  it('refuses what is not a list', () => {
    expect(parseCpuList('all')).toBeUndefined();
    expect(parseCpuList('3-1')).toBeUndefined();
    expect(parseCpuList('')).toBeUndefined();
  });

  it('writes the shortest form', () => {
    expect(formatCpuList([5, 0, 1, 2, 7, 8])).toBe('0-2,5,7-8');
    expect(formatCpuList([4])).toBe('4');
    expect(formatCpuList([])).toBe('');
  });
});
