import { resolveClaim } from './claims.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/** `persistentVolumeClaim`: the image the `claims` option maps `claimName` to; `readOnly` is kept. */
export const persistentVolumeClaimSource: BaseVolumeSource = {
  kind: 'persistentVolumeClaim',
  resolve(volume, context) {
    const claim = volume.persistentVolumeClaim;
    const resolved = resolveClaim(claim?.claimName ?? '', 'persistentVolumeClaim.claimName', context.options);
    return claim?.readOnly === true ? { ...resolved, readOnly: true } : resolved;
  },
};

/** `dataVolume`: like a claim, by the DataVolume's name (CDI names the claim after it). */
export const dataVolumeSource: BaseVolumeSource = {
  kind: 'dataVolume',
  resolve(volume, context) {
    return resolveClaim(volume.dataVolume?.name ?? '', 'dataVolume.name', context.options);
  },
};
