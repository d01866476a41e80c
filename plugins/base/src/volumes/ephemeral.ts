import { statePaths } from '../paths/state-paths.ts';
import { resolveClaim } from './claims.ts';
import { createFreshOverlay } from './overlay.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/**
 * `ephemeral`: a claim's image (from the `claims` option) used read-only as the base of a fresh
 * qcow2 overlay at `<volumes>/<volume>.qcow2`; writes are lost when the VMI stops.
 */
export const ephemeralSource: BaseVolumeSource = {
  kind: 'ephemeral',
  resolve(volume, context) {
    resolveClaim(volume.ephemeral?.persistentVolumeClaim?.claimName ?? '', 'ephemeral.persistentVolumeClaim.claimName', context.options);
    return { type: 'file', path: statePaths.volumeImage(context.directories, volume.name), format: 'qcow2' };
  },
  async prepare(volume, resolved, host, context) {
    const base = resolveClaim(volume.ephemeral?.persistentVolumeClaim?.claimName ?? '', 'ephemeral.persistentVolumeClaim.claimName', context.options);
    await createFreshOverlay(host, resolved.path, { path: base.path, format: base.format === 'qcow2' ? 'qcow2' : 'raw' }, `volume '${volume.name}' ephemeral`);
  },
};
