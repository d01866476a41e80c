import { EventEmitter, on } from 'node:events';
import type {
  BackupResult, DeleteOptions, DirtyRate, DomainManager, DomainStats, DomainStatus, GracefulShutdownOptions, GuestAgentInfo,
  GuestExecResult, GuestFilesystem, GuestInterface, GuestOsInfo, GuestUser, MigrationOptions, MigrationProgress, Screenshot, SevInfo,
  SyncRequest,
} from '@kvmkit/core';
import { vmiIdentity } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { Disk, Domain as DomainModel } from '@kvmkit/domain-xml';
import type { DomainEvent, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { GuestInfoSnapshot } from '../agent/agent-info-poller.ts';
import { AgentPresence } from '../agent/agent-presence.ts';
import { GuestAgent } from '../agent/guest-agent.ts';
import { BackupOperations } from '../backup/backup-operations.ts';
import type { LibvirtBackupOptions } from '../backup/backup-options.ts';
import { DomainEventFeed } from '../events/domain-event-feed.ts';
import { DomainEventWaiters } from '../events/domain-event-waiters.ts';
import { DomainHotplug } from '../hotplug/domain-hotplug.ts';
import { SevLaunchSecurity } from '../launch-security/sev-launch-security.ts';
import { DomainDeletion } from '../lifecycle/domain-deletion.ts';
import { DomainLifecycle } from '../lifecycle/domain-lifecycle.ts';
import { FileSystemFreeze } from '../lifecycle/file-system-freeze.ts';
import { LiveMigration } from '../migration/live-migration.ts';
import { DomainInspection } from '../stats/domain-inspection.ts';
import { OwnedDomains } from '../status/owned-domains.ts';
import { StatusReporter } from '../status/status-reporter.ts';
import { StatusTracker } from '../status/status-tracker.ts';
import { DomainSync } from '../sync/sync-domain.ts';
import { DomainAccess } from './domain-access.ts';
import type { LibvirtDomainManagerOptions } from './manager-options.ts';

const DEFAULT_AGENT_TIMEOUT_SECONDS = 10;
const DEFAULT_HOTPLUG_TIMEOUT_MS = 60_000;

interface ManagerEvents {
  /** A domain's status changed (phase, state, reason or a condition). */
  status: [DomainStatus];
  /** A domain the manager owned was undefined. */
  removed: [{ vmi: string; domainName: string }];
  /** A raw libvirt event on an owned domain (reboot, I/O error, watchdog, …), with its VMI. */
  domainEvent: [{ vmi: string; event: DomainEvent }];
  /** A resync after a reconnect failed; statuses stay as they were. */
  resyncFailed: [Error];
}

/**
 * KubeVirt's virt-launcher domain manager over `@kvmkit/libvirt-rpc`: sync VMIs to domains,
 * lifecycle, events to VMI status, the guest agent, hotplug. Operations on one domain are
 * serialized by a per-domain lock. Register it under core's `DOMAIN_MANAGER_TOKEN`.
 *
 * Call `start()` once: it subscribes to events, adopts domains that carry kvmkit metadata and
 * resyncs after every reconnect of the connection.
 *
 * This class only wires its collaborators together: each concern lives in its own folder
 * (`status/`, `sync/`, `lifecycle/`, `hotplug/`, `stats/`, `backup/`, `migration/`, …) and
 * reaches domains through the shared `DomainAccess` (lookup, per-domain lock, error mapping).
 */
export class LibvirtDomainManager extends EventEmitter<ManagerEvents> implements DomainManager {
  readonly #connection: LibvirtConnection;
  readonly #agentTimeoutSeconds: number;
  readonly #owned: OwnedDomains;
  readonly #access: DomainAccess;
  readonly #events: DomainEventFeed;
  readonly #reporter: StatusReporter;
  readonly #tracker: StatusTracker;
  readonly #domainSync: DomainSync;
  readonly #lifecycle: DomainLifecycle;
  readonly #freeze: FileSystemFreeze;
  readonly #deletion: DomainDeletion;
  readonly #hotplug: DomainHotplug;
  readonly #inspection: DomainInspection;
  readonly #backups: BackupOperations;
  readonly #migration: LiveMigration;
  readonly #sev: SevLaunchSecurity;
  #onReconnected: (() => void) | undefined;

  constructor(options: LibvirtDomainManagerOptions) {
    super();
    const { connection, converter, contextProvider, hostOperations } = options;
    const agentTimeoutSeconds = options.agentTimeoutSeconds ?? DEFAULT_AGENT_TIMEOUT_SECONDS;
    const waiters = new DomainEventWaiters();
    const waitForEvent = waiters.waitFor;
    this.#connection = connection;
    this.#agentTimeoutSeconds = agentTimeoutSeconds;
    this.#owned = new OwnedDomains((removed) => { this.emit('removed', removed); });
    const owned = this.#owned;
    const access = this.#access = new DomainAccess(connection, owned);
    this.#events = new DomainEventFeed(connection);
    this.#reporter = new StatusReporter({ connection, owned, onStatus: (status) => { this.emit('status', status); } });
    this.#tracker = new StatusTracker({
      connection, owned, reporter: this.#reporter, waiters,
      agentPresence: new AgentPresence({ connection, agentTimeoutSeconds, agentPolling: options.agentPolling }),
      onDomainEvent: (vmi, event) => { this.emit('domainEvent', { vmi, event }); },
    });
    this.#domainSync = new DomainSync({ connection, converter, contextProvider, hostOperations, access, owned });
    this.#lifecycle = new DomainLifecycle({ connection, access });
    this.#freeze = new FileSystemFreeze({ connection, access, agentTimeoutSeconds });
    this.#deletion = new DomainDeletion({ connection, converter, contextProvider, hostOperations, access, owned, deleteDefaults: options.deleteDefaults });
    this.#hotplug = new DomainHotplug({
      connection, access, waitForEvent, timeoutMs: options.hotplugTimeoutMs ?? DEFAULT_HOTPLUG_TIMEOUT_MS, hostDeviceResources: options.hostDeviceResources,
    });
    this.#inspection = new DomainInspection({ connection, access });
    this.#backups = new BackupOperations({ connection, access, waitForEvent, backupTimeoutMs: options.backupTimeoutMs });
    this.#migration = new LiveMigration({ connection, converter, contextProvider, hostOperations, lookup: (vmi) => access.lookup(vmi) });
    this.#sev = new SevLaunchSecurity(contextProvider);
  }

  // ── start, stop, resync ─────────────────────────────────────────────────────

  /** Subscribes to events, adopts kvmkit domains, and arranges a resync after each reconnect. */
  async start(): Promise<void> {
    await this.#events.subscribe((event) => { this.#tracker.handleEvent(event); });
    this.#onReconnected = () => { void this.resync().catch((error: unknown) => this.emit('resyncFailed', error as Error)); };
    this.#connection.on('reconnected', this.#onReconnected);
    await this.resync();
  }

  /** Stops pollers and timers and deregisters the event callbacks; leaves every domain as it is. */
  async stop(): Promise<void> {
    if (this.#onReconnected !== undefined) this.#connection.off('reconnected', this.#onReconnected);
    this.#owned.stopBackgroundWork();
    await this.#events.close();
  }

  /**
   * Lists every domain, adopts those with kvmkit metadata and refreshes each owned domain's
   * status. A failed listing changes nothing; a domain is only dropped when libvirt says it
   * does not exist (NO_DOMAIN), never because a listing was partial.
   */
  resync(): Promise<void> { return this.#tracker.resync(); }

  // ── status ──────────────────────────────────────────────────────────────────

  /** Every status change, as an async iterator (ends when `signal` aborts). */
  async *statusUpdates(signal?: AbortSignal): AsyncGenerator<DomainStatus> {
    try {
      for await (const [status] of on(this, 'status', signal === undefined ? {} : { signal })) yield status as DomainStatus;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  }

  list(): Promise<DomainStatus[]> { return this.#reporter.list(); }

  async status(vmi: string): Promise<DomainStatus> {
    const domain = await this.#access.lookup(vmi);
    return this.#reporter.refresh(this.#owned.ownedFor(vmi, domain));
  }

  // ── sync ────────────────────────────────────────────────────────────────────

  /**
   * virt-launcher's SyncVMI: prepare, convert, define only when the fingerprint differs, start
   * when it should run and is stopped, resume when paused by anything but the user. Never stops
   * or destroys a domain, so a failed sync leaves a running domain running.
   */
  sync(request: SyncRequest): Promise<DomainModel> { return this.#domainSync.sync(request); }

  /** The VMI as last synced to this domain (defaults applied), from the domain's kvmkit metadata. */
  manifest(vmi: string): Promise<VirtualMachineInstance | undefined> { return this.#domainSync.manifest(vmi); }

  // ── lifecycle ───────────────────────────────────────────────────────────────

  pause(vmi: string): Promise<void> { return this.#lifecycle.pause(vmi); }
  unpause(vmi: string): Promise<void> { return this.#lifecycle.unpause(vmi); }

  async freeze(vmi: string, unfreezeTimeoutSeconds: number): Promise<void> {
    await this.#freeze.freeze(vmi, unfreezeTimeoutSeconds);
  }

  /** `freeze`, resolving with the number of file systems the agent froze (0 when it found none it can freeze). */
  freezeFileSystems(vmi: string, unfreezeTimeoutSeconds: number): Promise<number> { return this.#freeze.freeze(vmi, unfreezeTimeoutSeconds); }
  unfreeze(vmi: string): Promise<void> { return this.#freeze.unfreeze(vmi); }
  /** The agent's guest-fsfreeze-status. */
  frozenState(vmi: string): Promise<'frozen' | 'thawed'> { return this.#freeze.frozenState(vmi); }

  reset(vmi: string): Promise<void> { return this.#lifecycle.reset(vmi); }
  softReboot(vmi: string): Promise<void> { return this.#lifecycle.softReboot(vmi); }
  signalShutdown(vmi: string): Promise<void> { return this.#lifecycle.signalShutdown(vmi); }
  gracefulShutdown(vmi: string, options: GracefulShutdownOptions): Promise<void> { return this.#lifecycle.gracefulShutdown(vmi, options); }
  kill(vmi: string): Promise<void> { return this.#lifecycle.kill(vmi); }
  delete(vmi: string, options: DeleteOptions = {}): Promise<void> { return this.#deletion.delete(vmi, options); }

  // ── hotplug ─────────────────────────────────────────────────────────────────

  hotplugVcpus(vmi: string, count: number): Promise<void> { return this.#hotplug.vcpus(vmi, count); }
  hotplugMemory(vmi: string, guestMemoryBytes: bigint): Promise<void> { return this.#hotplug.memory(vmi, guestMemoryBytes); }
  /** Attaches a disk to the running domain and its persistent definition. */
  attachDisk(vmi: string, disk: Disk): Promise<void> { return this.#hotplug.attachDisk(vmi, disk); }
  /** Detaches the disk with target `targetDev` (`vdb`); resolves when the guest released it. */
  detachDisk(vmi: string, targetDev: string): Promise<void> { return this.#hotplug.detachDisk(vmi, targetDev); }
  /** Attaches or detaches the VMI's host device `deviceName` (its name in `spec.domain.devices.hostDevices`); see `hotplug/host-device-hotplug.ts`. */
  hotplugHostDevice(vmi: string, deviceName: string, attach: boolean): Promise<void> { return this.#hotplug.hostDevice(vmi, deviceName, attach); }

  // ── guest agent ─────────────────────────────────────────────────────────────

  /** What the agent poller last read from the guest (empty until the agent connects). */
  guestInfoSnapshot(vmi: string): GuestInfoSnapshot | undefined {
    return this.#owned.get(vmi)?.poller?.snapshot;
  }

  async #agent(vmi: string): Promise<GuestAgent> {
    return new GuestAgent(this.#connection, await this.#access.lookup(vmi), vmi, this.#agentTimeoutSeconds);
  }

  async guestPing(vmi: string): Promise<void> { await (await this.#agent(vmi)).ping(); }
  async guestInfo(vmi: string): Promise<GuestAgentInfo> { return (await this.#agent(vmi)).info(); }
  async guestOsInfo(vmi: string): Promise<GuestOsInfo> { return (await this.#agent(vmi)).osInfo(); }
  async guestUsers(vmi: string): Promise<GuestUser[]> { return (await this.#agent(vmi)).users(); }
  async guestFilesystems(vmi: string): Promise<GuestFilesystem[]> { return (await this.#agent(vmi)).filesystems(); }
  async guestInterfaces(vmi: string): Promise<GuestInterface[]> { return (await this.#agent(vmi)).interfaces(); }
  async guestHostname(vmi: string): Promise<string> { return (await this.#agent(vmi)).hostname(); }
  async guestTimezone(vmi: string): Promise<{ zone?: string; offsetSeconds: number }> { return (await this.#agent(vmi)).timezone(); }
  async exec(vmi: string, command: string, args: readonly string[], timeoutSeconds: number): Promise<GuestExecResult> {
    return (await this.#agent(vmi)).exec(command, args, timeoutSeconds);
  }
  async setUserPassword(vmi: string, user: string, password: string): Promise<void> { await (await this.#agent(vmi)).setUserPassword(user, password); }

  // ── stats, screenshot, dumps, versions ──────────────────────────────────────

  stats(vmi: string): Promise<DomainStats> { return this.#inspection.stats(vmi); }
  /** Measures the guest's memory dirty rate over 1…60 s; see `stats/dirty-rate.ts`. */
  dirtyRate(vmi: string, calculationPeriodSeconds: number): Promise<DirtyRate> { return this.#inspection.dirtyRate(vmi, calculationPeriodSeconds); }
  screenshot(vmi: string): Promise<Screenshot> { return this.#inspection.screenshot(vmi); }
  memoryDump(vmi: string, path: string): Promise<void> { return this.#inspection.memoryDump(vmi, path); }
  qemuVersion(): Promise<string> { return this.#inspection.qemuVersion(); }

  // ── backup and checkpoints ──────────────────────────────────────────────────

  /**
   * A push-mode backup through libvirt's backup-begin: full, or incremental from
   * `incrementalFrom`, creating checkpoint `checkpointName`; one qcow2 file per disk. Resolves on
   * the job-completed event when the job succeeded. A failed or aborted job (see
   * `options.signal`) leaves the domain running, removes the files and deletes the checkpoint it
   * created, then rejects with `BACKUP_FAILED`.
   */
  backup(vmi: string, options: LibvirtBackupOptions): Promise<BackupResult> { return this.#backups.backup(vmi, options); }

  /**
   * Recreates a checkpoint's metadata from XML saved earlier (`checkpointDefinition`), e.g. after
   * the domain was redefined: the disk's bitmap survives in the qcow2, libvirt's record of it not.
   */
  redefineCheckpoint(vmi: string, checkpointXmlDocument: string): Promise<void> { return this.#backups.redefineCheckpoint(vmi, checkpointXmlDocument); }

  /** A checkpoint's XML as libvirt has it, for `redefineCheckpoint` later. */
  checkpointDefinition(vmi: string, checkpointName: string): Promise<string> { return this.#backups.checkpointDefinition(vmi, checkpointName); }

  // ── live migration (peer-to-peer; the logic lives in ../migration) ──────────

  /** Target side: prepares volumes and converts the VMI for this host; see `incomingMigrationXml`. */
  prepareMigration(request: SyncRequest): Promise<void> {
    const vmi = vmiIdentity(request.vmi);
    return this.#access.locked(vmi, () => this.#access.call(vmi, 'incoming migration', async () => { await this.#migration.prepareIncoming(request); }));
  }

  /** The domain XML `prepareMigration` made for this host: the source's `MigrationOptions.destinationXml`. */
  incomingMigrationXml(vmi: string): string | undefined { return this.#migration.incomingXml(vmi); }

  /** Source side: live-migrates to `options.destinationUri`; the domain is then undefined here. */
  async migrate(vmi: string, options: MigrationOptions): Promise<void> {
    await this.#access.locked(vmi, () => this.#migration.migrate(vmi, options));
    // The domain left: drop it now rather than when its UNDEFINED event arrives.
    await this.resync().catch(() => undefined);
  }

  migrationProgress(vmi: string): Promise<MigrationProgress> { return this.#access.call(vmi, 'migration progress', () => this.#migration.progress(vmi)); }
  cancelMigration(vmi: string): Promise<void> { return this.#access.call(vmi, 'migration cancel', () => this.#migration.cancel(vmi)); }

  /** Target side: confirms the domain arrived and runs, adopts it and reports its status. */
  async finalizeMigration(vmi: string): Promise<void> {
    const arrived = await this.#access.call(vmi, 'migration finalize', () => this.#migration.confirmArrived(vmi));
    const owned = this.#tracker.adoptArrived(vmi, arrived);
    await this.#access.call(vmi, 'migration finalize', () => this.#reporter.refresh(owned));
  }

  // ── SEV: not implemented, said so ──────────────────────────────────────────

  sevInfo(vmi: string): Promise<SevInfo> { return this.#sev.info(vmi); }
  injectLaunchSecret(vmi: string): Promise<void> { return this.#sev.injectLaunchSecret(vmi); }
}
