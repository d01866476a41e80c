import { statePaths } from '../paths/state-paths.ts';
import type { BaseVolumeSource } from './base-volume-source.ts';

/**
 * `cloudInitNoCloud`: an ISO 9660 image labelled `cidata` at `<state>/<volume>-noCloud.iso`,
 * attached writable as KubeVirt does (QEMU refuses read-only SATA disks). The plugin's prepare writes it (it needs the VMI's name for meta-data).
 */
export const cloudInitNoCloudSource: BaseVolumeSource = {
  kind: 'cloudInitNoCloud',
  resolve: (volume, context) => ({ type: 'file', path: statePaths.cloudInitIso(context.directories, volume.name, 'noCloud'), format: 'iso' }),
};

/** `cloudInitConfigDrive`: an ISO labelled `config-2` at `<state>/<volume>-configDrive.iso`. */
export const cloudInitConfigDriveSource: BaseVolumeSource = {
  kind: 'cloudInitConfigDrive',
  resolve: (volume, context) => ({ type: 'file', path: statePaths.cloudInitIso(context.directories, volume.name, 'configDrive'), format: 'iso' }),
};
