import { quantityToBytes } from '@kvmkit/vmi';
import { statePaths } from '../paths/state-paths.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/**
 * `emptyDisk`: a blank qcow2 image of `capacity` at `<volumes>/<volume>.qcow2`, made with
 * qemu-img by prepare. Like KubeVirt's, it lives as long as the VMI: prepare keeps an existing one.
 */
export const emptyDiskSource: BaseVolumeSource = {
  kind: 'emptyDisk',
  resolve(volume, context) {
    return { type: 'file', path: statePaths.volumeImage(context.directories, volume.name), format: 'qcow2' };
  },
  async prepare(volume, resolved, host) {
    if (await host.exists(resolved.path)) return;
    const capacity = volume.emptyDisk?.capacity;
    if (capacity === undefined) throw new Error(`volume '${volume.name}' emptyDisk.capacity: a capacity is required`);
    await host.createDiskImage({ path: resolved.path, format: 'qcow2', sizeBytes: quantityToBytes(capacity) });
  },
};
