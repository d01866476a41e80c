import type { Domain } from '@kvmkit/domain-xml';
import type {
  BackupOptions,
  BackupResult,
  DeleteOptions,
  DirtyRate,
  DomainStats,
  DomainStatus,
  GracefulShutdownOptions,
  GuestAgentInfo,
  GuestExecResult,
  GuestFilesystem,
  GuestInterface,
  GuestOsInfo,
  GuestUser,
  MigrationOptions,
  MigrationProgress,
  Screenshot,
  SevInfo,
  SyncRequest,
} from './domain-manager-types.ts';

/**
 * Drives the domains of VMIs on one libvirt connection: KubeVirt's virt-launcher
 * `DomainManager`, in TypeScript. Every method names the VMI as `namespace/name`.
 *
 * Contract for implementations:
 * - Operations on one domain are serialized; operations on different domains are not.
 * - A failed operation leaves a running domain running and loses nothing already defined.
 * - Failures are `KvmkitError`s with a code, the VMI, and libvirt's own error when there is one.
 * - Guest-agent calls are bounded by a timeout; an absent agent is reported as such, never a hang.
 */
export interface DomainManager {
  /**
   * Makes the domain match the VMI: prepare volumes, convert, define (validated by libvirt),
   * start when it should run, resume when paused by something other than the user, hotplug
   * disk and interface changes. Idempotent: a second sync with the same VMI writes nothing.
   * Returns the domain as defined.
   */
  sync(request: SyncRequest): Promise<Domain>;
  list(): Promise<DomainStatus[]>;
  status(vmi: string): Promise<DomainStatus>;

  pause(vmi: string): Promise<void>;
  unpause(vmi: string): Promise<void>;
  /** Freezes guest file systems through the agent; thawed automatically after `unfreezeTimeoutSeconds`. */
  freeze(vmi: string, unfreezeTimeoutSeconds: number): Promise<void>;
  unfreeze(vmi: string): Promise<void>;
  reset(vmi: string): Promise<void>;
  /** Reboots through the guest agent, falling back to ACPI. */
  softReboot(vmi: string): Promise<void>;
  /** Sends the ACPI power-button request and returns. */
  signalShutdown(vmi: string): Promise<void>;
  /** ACPI shutdown, then destroy when the grace period has passed. */
  gracefulShutdown(vmi: string, options: GracefulShutdownOptions): Promise<void>;
  kill(vmi: string): Promise<void>;
  delete(vmi: string, options?: DeleteOptions): Promise<void>;

  hotplugVcpus(vmi: string, count: number): Promise<void>;
  /** Resizes virtio-mem memory; resolves when the guest reports the new size. */
  hotplugMemory(vmi: string, guestMemoryBytes: bigint): Promise<void>;
  /** Attaches (`attach: true`) or detaches a host device by its name in the VMI. */
  hotplugHostDevice(vmi: string, deviceName: string, attach: boolean): Promise<void>;

  guestPing(vmi: string): Promise<void>;
  guestInfo(vmi: string): Promise<GuestAgentInfo>;
  guestOsInfo(vmi: string): Promise<GuestOsInfo>;
  guestUsers(vmi: string): Promise<GuestUser[]>;
  guestFilesystems(vmi: string): Promise<GuestFilesystem[]>;
  guestInterfaces(vmi: string): Promise<GuestInterface[]>;
  exec(vmi: string, command: string, args: readonly string[], timeoutSeconds: number): Promise<GuestExecResult>;
  setUserPassword(vmi: string, user: string, password: string): Promise<void>;

  stats(vmi: string): Promise<DomainStats>;
  dirtyRate(vmi: string, calculationPeriodSeconds: number): Promise<DirtyRate>;
  screenshot(vmi: string): Promise<Screenshot>;
  memoryDump(vmi: string, path: string): Promise<void>;
  qemuVersion(): Promise<string>;

  /** On the target host: gets ready to receive the VMI's migration (volumes prepared, domain reserved). */
  prepareMigration(request: SyncRequest): Promise<void>;
  migrate(vmi: string, options: MigrationOptions): Promise<void>;
  migrationProgress(vmi: string): Promise<MigrationProgress>;
  cancelMigration(vmi: string): Promise<void>;
  /** Completes a paused post-copy or a prepared incoming migration on the target. */
  finalizeMigration(vmi: string): Promise<void>;

  backup(vmi: string, options: BackupOptions): Promise<BackupResult>;
  /** Re-creates a checkpoint from its stored XML (after a restart or migration). */
  redefineCheckpoint(vmi: string, checkpointXml: string): Promise<void>;

  sevInfo(vmi: string): Promise<SevInfo>;
  injectLaunchSecret(vmi: string, secretHeader: string, secret: string): Promise<void>;
}
