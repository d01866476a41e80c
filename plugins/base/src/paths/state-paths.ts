import { join } from 'node:path';
import type { ConverterDirectories } from '@kvmkit/core';

/**
 * Where the base plugin keeps per-VMI files. The converter context's directories are per VMI
 * (the caller gives each VMI its own), so names here need no VMI prefix.
 */
export const statePaths = {
  serialSocket: (directories: ConverterDirectories, port: number): string => join(directories.state, `virt-serial${String(port)}`),
  serialLog: (directories: ConverterDirectories, port: number): string => join(directories.state, `virt-serial${String(port)}-log`),
  vncSocket: (directories: ConverterDirectories): string => join(directories.state, 'virt-vnc'),
  /** EFI variables that last only for one run (recreated from the template by prepare). */
  efiVars: (directories: ConverterDirectories): string => join(directories.state, 'efi-vars.fd'),
  /** EFI variables kept across runs (`efi.persistent`). */
  persistentEfiVars: (directories: ConverterDirectories): string => join(directories.volumes, 'efi-vars.fd'),
  ignition: (directories: ConverterDirectories): string => join(directories.state, 'ignition.json'),
  firmwareLog: (directories: ConverterDirectories): string => join(directories.state, 'firmware.log'),
  cloudInitIso: (directories: ConverterDirectories, volumeName: string, flavour: 'noCloud' | 'configDrive'): string =>
    join(directories.state, `${volumeName}-${flavour}.iso`),
  volumeImage: (directories: ConverterDirectories, volumeName: string): string => join(directories.volumes, `${volumeName}.qcow2`),
};
