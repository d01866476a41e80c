import { defaultConverterContext, type ConverterContext, type FirmwareImage, type VirtType } from '@kvmkit/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Debian's ovmf package: the 4M images, plain and Secure Boot (with Microsoft keys enrolled).
const DEBIAN_OVMF: readonly FirmwareImage[] = [
  { code: '/usr/share/OVMF/OVMF_CODE_4M.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.fd', secureBoot: false },
  { code: '/usr/share/OVMF/OVMF_CODE_4M.secboot.fd', varsTemplate: '/usr/share/OVMF/OVMF_VARS_4M.ms.fd', secureBoot: true },
];

export interface OfflineContextOptions {
  /** Default `kvm`. */
  virtType: VirtType | undefined;
  /** Root of kvmkit's state; volumes and per-VMI state go below it. */
  stateDirectory: string;
}

/**
 * The converter context kvmctl uses without libvirtd (`convert`, `validate`): a plain x86_64
 * host with Debian's firmware paths where they exist. With a daemon, the domain manager reads
 * the real host's domain capabilities instead.
 */
export function offlineConverterContext({ virtType, stateDirectory }: OfflineContextOptions): ConverterContext {
  const base = defaultConverterContext();
  return defaultConverterContext({
    virtType: virtType ?? 'kvm',
    host: { ...base.host, efiFirmware: DEBIAN_OVMF.filter((image) => existsSync(image.code)) },
    directories: { state: join(stateDirectory, 'state'), volumes: join(stateDirectory, 'volumes') },
  });
}
