import { describe, expect, it } from 'vitest';
import { migrationProgressOf } from './migration-progress.ts';

describe('migrationProgressOf', () => {
  it('reads the data and time figures of libvirt job statistics', () => {
    expect(migrationProgressOf([
      { field: 'operation', type: 'int', value: 5 },
      { field: 'time_elapsed', type: 'ullong', value: 811n },
      { field: 'data_total', type: 'ullong', value: 268_967_936n },
      { field: 'data_processed', type: 'ullong', value: 100_304_743n },
      { field: 'data_remaining', type: 'ullong', value: 0n },
      { field: 'memory_total', type: 'ullong', value: 268_967_936n },
    ])).toEqual({ dataTotalBytes: 268_967_936n, dataProcessedBytes: 100_304_743n, dataRemainingBytes: 0n, elapsedMs: 811n });
  });

  it('leaves out what libvirt did not report', () => {
    expect(migrationProgressOf([{ field: 'time_elapsed', type: 'ullong', value: 3n }])).toEqual({ elapsedMs: 3n });
    expect(migrationProgressOf([])).toEqual({});
  });
});
