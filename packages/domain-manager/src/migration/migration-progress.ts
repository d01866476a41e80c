import type { MigrationProgress } from '@kvmkit/core';
import { typedParamsToRecord, type TypedParam } from '@kvmkit/libvirt-rpc';

function bigintOf(value: number | bigint | boolean | string | undefined): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return undefined;
}

/** A migration job's figures from libvirt's job statistics (`data_*`, `time_elapsed`). */
export function migrationProgressOf(params: readonly TypedParam[]): MigrationProgress {
  const values = typedParamsToRecord(params);
  const fields = [
    ['dataTotalBytes', 'data_total'],
    ['dataProcessedBytes', 'data_processed'],
    ['dataRemainingBytes', 'data_remaining'],
    ['elapsedMs', 'time_elapsed'],
  ] as const;
  const progress: MigrationProgress = {};
  for (const [name, field] of fields) {
    const value = bigintOf(values[field]);
    if (value !== undefined) progress[name] = value;
  }
  return progress;
}
