import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** KubeVirt's VMI phases, as kvmkit reports them. */
export type VmiPhase = 'Pending' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** A VMI condition (Paused, AgentConnected, LiveMigratable, Ready, …). */
export interface VmiCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** What the manager knows about one domain it owns. */
export interface DomainStatus {
  /** `namespace/name` of the VMI. */
  vmi: string;
  domainName: string;
  uuid: string;
  phase: VmiPhase;
  /** libvirt's state and reason, e.g. `paused` / `user`. */
  state: string;
  reason: string;
  conditions: VmiCondition[];
  /**
   * When the domain manager first defined the domain, ISO-8601 (e.g. `2026-12-07T21:31:35.000Z`),
   * read from the manager's stamp in kvmkit's domain metadata. It survives redefinitions and
   * manager restarts; absent for adopted domains that were defined without the stamp.
   */
  createdAt?: string;
}

export interface GracefulShutdownOptions {
  /** Seconds to wait after the ACPI request before destroying; 0 destroys at once. */
  gracePeriodSeconds: number;
}

export interface DeleteOptions {
  /** Also remove persistent EFI variables (libvirt's NVRAM). Default true. */
  removeNvram?: boolean;
  /** Also remove persistent TPM state. Default true. */
  removeTpmState?: boolean;
}

export interface GuestAgentInfo {
  version: string;
  supportedCommands: string[];
}

export interface GuestOsInfo {
  id?: string;
  name?: string;
  prettyName?: string;
  version?: string;
  versionId?: string;
  kernelRelease?: string;
  kernelVersion?: string;
  machine?: string;
}

export interface GuestUser {
  name: string;
  domain?: string;
  loginTime?: number;
}

export interface GuestFilesystem {
  mountPoint: string;
  name: string;
  type: string;
  usedBytes?: bigint;
  totalBytes?: bigint;
  disks: string[];
}

export interface GuestInterface {
  name: string;
  mac?: string;
  addresses: { type: 'ipv4' | 'ipv6'; address: string; prefix: number }[];
}

export interface GuestExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface DomainStats {
  cpuTimeNs?: bigint;
  memory?: { actualKiB?: bigint; availableKiB?: bigint; unusedKiB?: bigint; rssKiB?: bigint };
  vcpus?: { current: number; maximum: number };
  block?: { name: string; readBytes: bigint; writeBytes: bigint; capacityBytes?: bigint }[];
  interfaces?: { name: string; rxBytes: bigint; txBytes: bigint }[];
}

export interface Screenshot {
  mimeType: string;
  data: Uint8Array;
}

export interface MigrationOptions {
  /** The destination libvirt URI (peer-to-peer). */
  destinationUri: string;
  bandwidthMiBps?: number;
  allowPostCopy?: boolean;
  /**
   * The domain as the target host defines it (its own state-dir paths, console sockets, …),
   * from the target manager's `prepareMigration`; the source's own definition when absent.
   * Only host-side settings may differ: the guest's devices must stay the same.
   */
  destinationXml?: string;
  /** Where the migration data flows (`tcp://10.0.0.2`); libvirt derives it from the destination's hostname when absent. */
  migrateUri?: string;
}

export interface MigrationProgress {
  dataTotalBytes?: bigint;
  dataProcessedBytes?: bigint;
  dataRemainingBytes?: bigint;
  elapsedMs?: bigint;
}

export interface BackupOptions {
  /** Disk target names (vda, …) to back up; all when absent. */
  disks?: string[];
  /** Directory the backup images are written to. */
  targetDirectory: string;
  /** Checkpoint the incremental backup is relative to; a full backup when absent. */
  incrementalFrom?: string;
  /** Name of the checkpoint this backup creates. */
  checkpointName: string;
}

export interface BackupResult {
  checkpointName: string;
  files: { disk: string; path: string }[];
}

export interface SevInfo {
  supported: boolean;
  measurement?: string;
  platform?: Record<string, string>;
}

export interface DirtyRate {
  megabytesPerSecond: number;
  calculationPeriodSeconds: number;
}

/** A VMI as the manager syncs it: the defaulted VMI plus what the manager should do with it. */
export interface SyncRequest {
  vmi: VirtualMachineInstance;
  /** Whether the VMI should be running (false defines it without starting it). */
  running?: boolean;
}
