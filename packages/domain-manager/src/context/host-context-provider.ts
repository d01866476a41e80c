import { defaultConverterContext, type Architecture, type ConverterContext, type ConverterDirectories, type SmbiosDefaults, type VirtType } from '@kvmkit/core';
import { probeKvm } from '@kvmkit/host-probe';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { readFirmwareDescriptors } from './firmware-descriptors.ts';
import { parseHostCapabilities } from './parse-host-capabilities.ts';

/** How to decide between `kvm` and `qemu` (TCG). */
export type VirtTypeDecision =
  | { readonly virtType: VirtType }
  /** Probe KVM for real (`@kvmkit/host-probe`); `allowEmulation` falls back to TCG when it is unusable. */
  | { readonly probe: true; readonly allowEmulation: boolean; readonly cacheFile?: string };

export interface HostContextOptions {
  readonly connection: LibvirtConnection;
  readonly virtType: VirtTypeDecision;
  readonly directories: ConverterDirectories;
  readonly architecture?: Architecture;
  /** The machine type the domain capabilities are read for (firmware differs per machine). Default `q35`. */
  readonly machine?: string;
  readonly featureGates?: Iterable<string>;
  readonly smbios?: SmbiosDefaults;
  readonly virtioModel?: ConverterContext['virtioModel'];
  /** Firmware descriptor directories; default QEMU's. */
  readonly firmwareDescriptorDirectories?: readonly string[];
}

async function decideVirtType(decision: VirtTypeDecision): Promise<VirtType> {
  if ('virtType' in decision) return decision.virtType;
  const result = await probeKvm(decision.cacheFile === undefined ? {} : { cacheFile: decision.cacheFile });
  if (result.virtType === 'kvm' || decision.allowEmulation) return result.virtType;
  throw new Error(`KVM is not usable on this host (${result.reason}) and emulation is not allowed`);
}

/**
 * A `() => Promise<ConverterContext>` (core's `CONTEXT_PROVIDER_TOKEN`) that reads the host from
 * libvirt: the domain capabilities for the chosen virt type, the machines and huge pages from
 * the host capabilities, the firmware descriptors. The virt type is decided once; the
 * capabilities are read once and cached (they change only when QEMU is upgraded).
 */
export function createHostContextProvider(options: HostContextOptions): () => Promise<ConverterContext> {
  let cached: Promise<ConverterContext> | undefined;
  const build = async (): Promise<ConverterContext> => {
    const architecture = options.architecture ?? 'x86_64';
    const virtType = await decideVirtType(options.virtType);
    const [domainCapabilities, capabilities, firmware] = await Promise.all([
      options.connection.connectGetDomainCapabilities({ arch: architecture, virtType, machine: options.machine ?? 'q35' }),
      options.connection.connectGetCapabilities(),
      readFirmwareDescriptors(options.firmwareDescriptorDirectories),
    ]);
    const host = parseHostCapabilities(domainCapabilities, capabilities, (code) => firmware.get(code));
    return defaultConverterContext({
      architecture,
      virtType,
      host,
      featureGates: new Set(options.featureGates ?? []),
      directories: options.directories,
      smbios: options.smbios ?? {},
      virtioModel: options.virtioModel ?? 'virtio',
    });
  };
  return () => {
    cached ??= build().catch((error: unknown) => {
      cached = undefined; // a failed read is retried next time
      throw error;
    });
    return cached;
  };
}
