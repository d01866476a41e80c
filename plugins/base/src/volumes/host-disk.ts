import { quantityToBytes } from '@kvmkit/vmi';
import { hasParentSegment, isUnderOneOf } from '../paths/confined-path.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/**
 * `hostDisk`: a raw image at a host path, which must lie under one of the option
 * `hostDiskDirectories`. `type: Disk` needs the file to exist; `DiskOrCreate` creates a sparse
 * raw image of `capacity` when it is missing. Always raw: the format is never probed.
 */
export const hostDiskSource: BaseVolumeSource = {
  kind: 'hostDisk',
  resolve(volume, context) {
    const hostDisk = volume.hostDisk;
    const path = hostDisk?.path ?? '';
    if (hasParentSegment(path)) throw new Error(`hostDisk.path: '${path}' contains '..', which is not allowed`);
    if (!isUnderOneOf(path, context.options.hostDiskDirectories)) {
      throw new Error(`hostDisk.path: '${path}' is not under a directory the base plugin option hostDiskDirectories allows (${context.options.hostDiskDirectories.join(', ') || 'none'})`);
    }
    return { type: 'file', path, format: 'raw' };
  },
  async prepare(volume, resolved, host) {
    if (await host.exists(resolved.path)) return;
    const hostDisk = volume.hostDisk;
    if (hostDisk?.type !== 'DiskOrCreate') throw new Error(`volume '${volume.name}' hostDisk.path: ${resolved.path} does not exist (type ${hostDisk?.type ?? 'Disk'} does not create it)`);
    if (hostDisk.capacity === undefined) throw new Error(`volume '${volume.name}' hostDisk.capacity: DiskOrCreate needs a capacity`);
    await host.createDiskImage({ path: resolved.path, format: 'raw', sizeBytes: quantityToBytes(hostDisk.capacity) });
  },
};
