import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { BasePluginOptions } from '../options.ts';
import { hasParentSegment, isUnderOneOf } from '../paths/confined-path.ts';

const RULE = 'base:volume-paths';

/**
 * Paths in volumes must stay where kvmkit allows: no `..` anywhere, hostDisk paths absolute and
 * under `hostDiskDirectories`, containerDisk paths inside their image; claims and secrets must be
 * known to the plugin's options.
 */
export function validateVolumePaths(vmi: VirtualMachineInstance, options: BasePluginOptions): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const problem = (path: string, reason: string): void => { problems.push({ path, reason, severity: 'error', rule: RULE }); };
  (vmi.spec.volumes ?? []).forEach((volume, index) => {
    const at = `spec.volumes[${String(index)}]`;
    const hostPath = volume.hostDisk?.path;
    if (hostPath !== undefined) {
      if (hasParentSegment(hostPath)) problem(`${at}.hostDisk.path`, `'${hostPath}' contains '..', which is not allowed`);
      else if (!hostPath.startsWith('/')) problem(`${at}.hostDisk.path`, `'${hostPath}' is not an absolute path`);
      else if (!isUnderOneOf(hostPath, options.hostDiskDirectories)) {
        problem(`${at}.hostDisk.path`, `'${hostPath}' is not under a directory the base plugin option hostDiskDirectories allows (${options.hostDiskDirectories.join(', ') || 'none'})`);
      }
    }
    const imagePath = volume.containerDisk?.path;
    if (imagePath !== undefined && hasParentSegment(imagePath)) problem(`${at}.containerDisk.path`, `'${imagePath}' contains '..', which is not allowed`);
    // Claims and secrets are named by the user and found through the plugin's options.
    const claims: [string, string | undefined][] = [
      ['persistentVolumeClaim.claimName', volume.persistentVolumeClaim?.claimName],
      ['dataVolume.name', volume.dataVolume?.name],
      ['ephemeral.persistentVolumeClaim.claimName', volume.ephemeral?.persistentVolumeClaim?.claimName],
    ];
    for (const [field, claim] of claims) {
      if (claim !== undefined && options.claims[claim] === undefined) problem(`${at}.${field}`, `claim '${claim}' is not in the base plugin option claims`);
    }
    for (const kind of ['cloudInitNoCloud', 'cloudInitConfigDrive'] as const) {
      for (const field of ['secretRef', 'networkDataSecretRef'] as const) {
        const secret = volume[kind]?.[field]?.name;
        if (secret !== undefined && options.secretDirectories[secret] === undefined) problem(`${at}.${kind}.${field}.name`, `secret '${secret}' is not in the base plugin option secretDirectories`);
      }
    }
  });
  return problems;
}
