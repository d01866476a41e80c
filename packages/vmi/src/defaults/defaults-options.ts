/** Choices KubeVirt takes from its cluster configuration; kvmkit's defaults are listed per field. */
export interface DefaultsOptions {
  /** `spec.architecture` when unset. Default `amd64` (KubeVirt: the cluster's default architecture). */
  readonly architecture?: 'amd64' | 'arm64' | 's390x';
  /** Machine type when unset. Default by architecture: `q35`, `virt`, `s390-ccw-virtio`. */
  readonly machineType?: string;
  /** CPU model when unset. Default `host-model` (`host-passthrough` on arm64). */
  readonly cpuModel?: string;
  /** Binding of the interface added when a VMI names no network at all. Default `masquerade`. */
  readonly defaultNetworkInterface?: 'masquerade' | 'bridge';
}
