import type { Volume } from '@kvmkit/vmi';
import { resolveImageDirectory } from '../images/image-resolver.ts';
import type { BasePluginOptions } from '../options.ts';
import { confinedPath } from '../paths/confined-path.ts';
import { statePaths } from '../paths/state-paths.ts';
import { assertRealPathInside } from './host-image-checks.ts';
import { formatFromPath } from './image-format.ts';
import { createFreshOverlay } from './overlay.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/** Where a containerDisk's disk file is inside its image when `path` is not given. */
export const DEFAULT_CONTAINER_DISK_PATH = 'disk/disk.qcow2';

/** The base image of a containerDisk volume, inside its image directory. */
export function containerDiskBase(volume: Volume, options: BasePluginOptions): { root: string; path: string; format: 'raw' | 'qcow2' } {
  const image = volume.containerDisk?.image ?? '';
  const root = resolveImageDirectory(image, options);
  if (root === undefined) throw new Error(`containerDisk.image: no image resolver knows '${image}' (set the base plugin's imageDirectory or images option)`);
  const inside = volume.containerDisk?.path ?? DEFAULT_CONTAINER_DISK_PATH;
  const path = confinedPath(root, inside, 'containerDisk.path');
  return { root, path, format: formatFromPath(path) };
}

/**
 * `containerDisk`: the disk file of a container image (resolved by the image resolver, see the
 * README) under a qcow2 overlay at `<volumes>/<volume>.qcow2`; the overlay is recreated at every
 * prepare, so the VMI starts from the image each time, as in KubeVirt.
 */
export const containerDiskSource: BaseVolumeSource = {
  kind: 'containerDisk',
  resolve(volume, context) {
    containerDiskBase(volume, context.options);
    return { type: 'file', path: statePaths.volumeImage(context.directories, volume.name), format: 'qcow2' };
  },
  async prepare(volume, resolved, host, context) {
    const base = containerDiskBase(volume, context.options);
    const fieldPath = `volume '${volume.name}' containerDisk`;
    await assertRealPathInside(base.path, base.root, fieldPath);
    await createFreshOverlay(host, resolved.path, { path: base.path, format: base.format }, fieldPath);
  },
};
