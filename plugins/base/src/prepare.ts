import type { HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { BaseContext } from './base-configurator.ts';
import { IGNITION_ANNOTATION } from './configurators/qemu-commandline.ts';
import { statePaths } from './paths/state-paths.ts';
import { CLOUD_INIT_KINDS } from './volumes/cloud-init-data.ts';
import { cloudInitIsoImage } from './volumes/cloud-init-iso.ts';

/**
 * Host-side set-up for the VMI as a whole rather than per volume: the directories, the
 * cloud-init ISOs, the Ignition file, and a fresh EFI variable store for non-persistent EFI.
 * Idempotent: the same VMI writes the same bytes.
 */
export async function prepareBase(vmi: VirtualMachineInstance, host: HostOperations, context: BaseContext): Promise<void> {
  const { directories } = context;
  await host.makeDirectory(directories.state);
  await host.makeDirectory(directories.volumes);
  for (const [index, volume] of (vmi.spec.volumes ?? []).entries()) {
    for (const kind of CLOUD_INIT_KINDS) {
      const source = volume[kind];
      if (source === undefined) continue;
      const path = statePaths.cloudInitIso(directories, volume.name, kind === 'cloudInitNoCloud' ? 'noCloud' : 'configDrive');
      await host.writeFile(path, await cloudInitIsoImage(vmi, kind, source, `spec.volumes[${String(index)}].${kind}`, context.options), { mode: 0o600 });
    }
  }
  const ignition = vmi.metadata?.annotations?.[IGNITION_ANNOTATION];
  if (ignition !== undefined && ignition !== '') await host.writeFile(statePaths.ignition(directories), ignition, { mode: 0o600 });
  const efi = vmi.spec.domain.firmware?.bootloader?.efi;
  // libvirt copies the template only when the store is missing: removing it starts each run clean.
  if (efi !== undefined && efi.persistent !== true) await host.removeFile(statePaths.efiVars(directories));
}
