import type { DefaultsOptions } from './defaults-options.ts';

export type Architecture = NonNullable<DefaultsOptions['architecture']>;

/** Per-architecture defaults (KubeVirt's virt-config.go and pkg/defaults/{amd64,arm64,s390x}.go). */
export interface ArchitectureDefaults {
  readonly machineType: string;
  readonly cpuModel: string;
  readonly diskBus: string;
  /** ACPI when `features.acpi.enabled` is unset: off on s390x, which has none. */
  readonly acpiEnabled: boolean;
  /** The watchdog model a `watchdog` with none named gets. */
  readonly watchdogModel: 'i6300esb' | 'diag288' | undefined;
}

export const ARCHITECTURE_DEFAULTS: Readonly<Record<Architecture, ArchitectureDefaults>> = {
  // SATA because guests of any OS support it out of the box (KubeVirt only supports q35, no IDE).
  amd64: { machineType: 'q35', cpuModel: 'host-model', diskBus: 'sata', acpiEnabled: true, watchdogModel: 'i6300esb' },
  // QEMU's virt machine has no SATA controller.
  arm64: { machineType: 'virt', cpuModel: 'host-passthrough', diskBus: 'virtio', acpiEnabled: true, watchdogModel: undefined },
  s390x: {
    machineType: 's390-ccw-virtio',
    cpuModel: 'host-model',
    diskBus: 'virtio',
    acpiEnabled: false,
    watchdogModel: 'diag288',
  },
};

export function architectureOf(value: unknown, fallback: Architecture): Architecture {
  return value === 'amd64' || value === 'arm64' || value === 's390x' ? value : fallback;
}
