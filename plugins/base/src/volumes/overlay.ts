import type { HostOperations } from '@kvmkit/core';
import { access } from 'node:fs/promises';
import { assertNoBackingFile } from './host-image-checks.ts';

/**
 * Makes a fresh qcow2 overlay on a base image (writes go to the overlay; the base stays as it
 * is). Ephemeral by design: an old overlay is removed first, so each start begins clean.
 */
export async function createFreshOverlay(host: HostOperations, overlay: string, base: { path: string; format: 'raw' | 'qcow2' }, fieldPath: string): Promise<void> {
  // The base is a user image outside kvmkit's directories: checked directly, only read.
  await access(base.path).catch(() => { throw new Error(`${fieldPath}: the base image ${base.path} does not exist`); });
  if (base.format === 'qcow2') await assertNoBackingFile(base.path, fieldPath);
  await host.removeFile(overlay);
  await host.createDiskImage({ path: overlay, format: 'qcow2', backingFile: base });
}
