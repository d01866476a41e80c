/** CPU architectures kvmkit builds domains for. */
export type Architecture = 'x86_64' | 'aarch64' | 's390x' | 'ppc64le';

/** libvirt's domain type: `kvm` for hardware virtualization, `qemu` for emulation (TCG). */
export type VirtType = 'kvm' | 'qemu';

/** One firmware image pair the host offers, from libvirt's domain capabilities. */
export interface FirmwareImage {
  /** The read-only code image (`<loader>`), e.g. `/usr/share/OVMF/OVMF_CODE_4M.fd`. */
  code: string;
  /** The template for the per-domain variables store (`<nvram template>`). */
  varsTemplate?: string;
  /** Whether this code image enforces Secure Boot (needs SMM). */
  secureBoot: boolean;
}

/** What the host can do, read from libvirt's domain capabilities by whoever builds the context. */
export interface HostCapabilities {
  /** Path of the QEMU binary libvirt uses. */
  emulator?: string;
  /** Machine types the emulator offers, e.g. `pc-q35-7.2`, `q35`. */
  machines: readonly string[];
  /** Maximum vCPUs one domain may have on this host. */
  maxVcpus?: number;
  /** EFI firmware images, in the host's order of preference. */
  efiFirmware: readonly FirmwareImage[];
  /** Launch-security technologies the host supports. */
  launchSecurity: { readonly sev: boolean; readonly sevSnp: boolean; readonly tdx: boolean };
  /** CPU models the host can run with `mode="custom"`. */
  cpuModels: readonly string[];
  /** Huge page sizes the host has, in KiB. */
  hugepageSizesKiB: readonly number[];
}

/** The directories prepared files live in. Volume paths are confined to these. */
export interface ConverterDirectories {
  /** Per-VMI state: NVRAM, TPM state, generated ISOs. */
  state: string;
  /** Disk images kvmkit creates (emptyDisk, ephemeral overlays). */
  volumes: string;
}

/** SMBIOS values used when the VMI gives none (KubeVirt reads these from its config). */
export interface SmbiosDefaults {
  manufacturer?: string;
  product?: string;
  version?: string;
  family?: string;
  sku?: string;
}

/**
 * Everything a conversion may depend on besides the VMI. Conversion is pure: the same VMI and
 * the same context give byte-identical XML, so nothing here is read from the host at
 * conversion time — the caller (the domain manager, kvmctl) builds the context beforehand.
 */
export interface ConverterContext {
  readonly architecture: Architecture;
  readonly virtType: VirtType;
  readonly host: HostCapabilities;
  /** KubeVirt feature gates that are on, e.g. `Sidecar`, `HypervStrictCheck`. */
  readonly featureGates: ReadonlySet<string>;
  readonly directories: ConverterDirectories;
  readonly smbios: SmbiosDefaults;
  /** The virtio model family devices use: `virtio`, `virtio-transitional` or `virtio-non-transitional`. */
  readonly virtioModel: 'virtio' | 'virtio-transitional' | 'virtio-non-transitional';
}

/** A context for a plain x86_64 host, for tests and callers that have not probed one. */
export function defaultConverterContext(overrides: Partial<ConverterContext> = {}): ConverterContext {
  return {
    architecture: 'x86_64',
    virtType: 'kvm',
    host: {
      machines: ['q35', 'pc'],
      efiFirmware: [],
      launchSecurity: { sev: false, sevSnp: false, tdx: false },
      cpuModels: [],
      hugepageSizesKiB: [2048],
    },
    featureGates: new Set(),
    directories: { state: '/var/lib/kvmkit/state', volumes: '/var/lib/kvmkit/volumes' },
    smbios: {},
    virtioModel: 'virtio',
    ...overrides,
  };
}
