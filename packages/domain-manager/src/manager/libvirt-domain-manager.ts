import { EventEmitter, on } from 'node:events';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type {
  BackupResult, Converter, ConverterContext, DeleteOptions, DirtyRate, DomainManager, DomainStats, DomainStatus,
  GracefulShutdownOptions, GuestAgentInfo, GuestExecResult, GuestFilesystem, GuestInterface, GuestOsInfo, GuestUser, HostOperations,
  MigrationOptions, MigrationProgress, Screenshot, SevInfo, SyncRequest, VmiCondition,
} from '@kvmkit/core';
import { vmiIdentity } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { findDiskByTarget, formatDeviceXml, formatDomainXml, parseDomainXml, type Disk, type Domain as DomainModel } from '@kvmkit/domain-xml';
import {
  CoreDumpFormat, DomainStatsType, ErrorCode, JobType, LibvirtError, typedParamsToRecord, uuidToString, VcpuFlags,
  type Domain, type DomainEvent, type DomainEventKind, type DomainEventSubscription, type LibvirtConnection,
} from '@kvmkit/libvirt-rpc';
import { agentError } from '../agent/agent-errors.ts';
import type { BackupProgress, LibvirtBackupOptions } from '../backup/backup-options.ts';
import { backupPlan } from '../backup/backup-plan.ts';
import { backupXml, checkpointXml } from '../backup/backup-xml.ts';
import { AgentInfoPoller, DEFAULT_AGENT_POLL_INTERVALS, type GuestInfoSnapshot } from '../agent/agent-info-poller.ts';
import { GuestAgent } from '../agent/guest-agent.ts';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { LibvirtHostOperations } from '../host/libvirt-host-operations.ts';
import { KeyedMutex } from '../lock/keyed-mutex.ts';
import { isUserPause, nameState, pausedCondition, phaseFor, type NamedState } from '../status/domain-phase.ts';
import { readStamp, stampDomain } from '../sync/fingerprint.ts';
import { prepareVmi } from '../sync/prepare-vmi.ts';
import { releaseVmi } from '../sync/release-vmi.ts';
import { agentChannelConnected } from '../status/agent-channel.ts';
import { detachLiveByAlias, type EventWaiter } from '../hotplug/detach-by-alias.ts';
import { hotplugHostDevice } from '../hotplug/host-device-hotplug.ts';
import { measureDirtyRate } from '../stats/dirty-rate.ts';
import { LiveMigration } from '../migration/live-migration.ts';
import type { LibvirtDomainManagerOptions } from './manager-options.ts';

// libvirt flag values used below (virDomain*Flags).
const DEFINE_VALIDATE = 1;
const XML_INACTIVE = 2;
const SHUTDOWN_ACPI = 1;
const REBOOT_ACPI = 1;
const REBOOT_AGENT = 2;
const UNDEFINE = { MANAGED_SAVE: 1, SNAPSHOTS_METADATA: 2, NVRAM: 4, KEEP_NVRAM: 8, CHECKPOINTS_METADATA: 16, TPM: 32, KEEP_TPM: 64 } as const;
const AFFECT_LIVE = 1;
const AFFECT_CONFIG = 2;
const DUMP_MEMORY_ONLY = 16;
const AGENT_CONNECTED = 1;
const JOB_STATS_COMPLETED = 1;
const CHECKPOINT_REDEFINE = 1;

/** The events the manager turns into status. */
const WATCHED_EVENTS = [
  'lifecycle', 'reboot', 'deviceAdded', 'deviceRemoved', 'agentLifecycle', 'jobCompleted', 'memoryDeviceSizeChange',
  'ioErrorReason', 'watchdog', 'controlError',
] as const satisfies readonly DomainEventKind[];

/** What the manager remembers about a domain it owns. */
interface OwnedDomain {
  vmi: string;
  domainName: string;
  uuid: string;
  everStarted: boolean;
  userPaused: boolean;
  agentConnected: boolean;
  /** From the kvmkit metadata stamp; absent for domains defined before the manager stamped it. */
  createdAt?: string;
  poller?: AgentInfoPoller;
  freezeTimer?: NodeJS.Timeout;
  last?: DomainStatus;
}

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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isNoDomain(error: unknown): boolean {
  return error instanceof LibvirtError && error.code === ErrorCode.NO_DOMAIN;
}

function isUnsupported(error: unknown): boolean {
  return error instanceof LibvirtError && (error.code === ErrorCode.NO_SUPPORT || error.code === ErrorCode.OPERATION_UNSUPPORTED || error.code === ErrorCode.ARGUMENT_UNSUPPORTED);
}

function sameStatus(a: DomainStatus | undefined, b: DomainStatus): boolean {
  return a !== undefined && a.phase === b.phase && a.state === b.state && a.reason === b.reason && JSON.stringify(a.conditions) === JSON.stringify(b.conditions);
}

/**
 * KubeVirt's virt-launcher domain manager over `@kvmkit/libvirt-rpc`: sync VMIs to domains,
 * lifecycle, events to VMI status, the guest agent, hotplug. Operations on one domain are
 * serialized by a per-domain lock. Register it under core's `DOMAIN_MANAGER_TOKEN`.
 *
 * Call `start()` once: it subscribes to events, adopts domains that carry kvmkit metadata and
 * resyncs after every reconnect of the connection.
 */
export class LibvirtDomainManager extends EventEmitter<ManagerEvents> implements DomainManager {
  readonly #connection: LibvirtConnection;
  readonly #converter: Converter;
  readonly #contextProvider: () => Promise<ConverterContext>;
  readonly #hostOperations: HostOperations | undefined;
  readonly #agentTimeoutSeconds: number;
  readonly #options: LibvirtDomainManagerOptions;
  readonly #lock = new KeyedMutex();
  readonly #owned = new Map<string, OwnedDomain>();
  readonly #byDomainName = new Map<string, string>();
  readonly #subscriptions: DomainEventSubscription[] = [];
  readonly #waiters = new Set<(event: DomainEvent) => boolean>();
  #onReconnected: (() => void) | undefined;

  constructor(options: LibvirtDomainManagerOptions) {
    super();
    this.#options = options;
    this.#connection = options.connection;
    this.#converter = options.converter;
    this.#contextProvider = options.contextProvider;
    this.#hostOperations = options.hostOperations;
    this.#agentTimeoutSeconds = options.agentTimeoutSeconds ?? 10;
  }

  // ── start, stop, adoption, resync ───────────────────────────────────────────

  /** Subscribes to events, adopts kvmkit domains, and arranges a resync after each reconnect. */
  async start(): Promise<void> {
    for (const kind of WATCHED_EVENTS) {
      const subscription = await this.#connection.subscribeDomainEvents(kind);
      subscription.on('event', (event: DomainEvent) => { this.#onEvent(event); });
      this.#subscriptions.push(subscription);
    }
    this.#onReconnected = () => { void this.resync().catch((error: unknown) => this.emit('resyncFailed', error as Error)); };
    this.#connection.on('reconnected', this.#onReconnected);
    await this.resync();
  }

  /** Stops pollers and timers and deregisters the event callbacks; leaves every domain as it is. */
  async stop(): Promise<void> {
    if (this.#onReconnected !== undefined) this.#connection.off('reconnected', this.#onReconnected);
    for (const owned of this.#owned.values()) {
      owned.poller?.stop();
      clearTimeout(owned.freezeTimer);
    }
    await Promise.allSettled(this.#subscriptions.splice(0).map((subscription) => subscription.close()));
  }

  /**
   * Lists every domain, adopts those with kvmkit metadata and refreshes each owned domain's
   * status. A failed listing changes nothing; a domain is only dropped when libvirt says it
   * does not exist (NO_DOMAIN), never because a listing was partial.
   */
  async resync(): Promise<void> {
    const domains = await this.#connection.connectListAllDomains();
    const listed = new Set(domains.map((domain) => domain.name));
    for (const domain of domains) {
      if (this.#byDomainName.has(domain.name)) continue;
      let xml: string;
      try {
        xml = await this.#connection.domainGetXmlDesc(domain, XML_INACTIVE);
      } catch {
        continue;
      }
      const stamp = readStamp(xml);
      if (stamp.vmi === undefined) continue;
      const owned = this.#own(`${stamp.vmi.namespace}/${stamp.vmi.name}`, domain, stamp.createdAt);
      if (domain.id > 0) await this.#learnAgentState(owned, domain).catch(() => undefined);
    }
    for (const owned of [...this.#owned.values()]) {
      if (!listed.has(owned.domainName)) {
        try {
          await this.#connection.domainLookupByName(owned.domainName);
        } catch (error) {
          if (isNoDomain(error)) this.#disown(owned);
          continue;
        }
      }
      await this.#refresh(owned).catch(() => undefined);
    }
  }

  #own(vmi: string, domain: Domain, createdAt?: string): OwnedDomain {
    const existing = this.#owned.get(vmi);
    if (existing !== undefined && existing.domainName === domain.name) return existing;
    const owned: OwnedDomain = { vmi, domainName: domain.name, uuid: Buffer.from(domain.uuid).toString('hex'), everStarted: domain.id > 0, userPaused: false, agentConnected: false, ...(createdAt === undefined ? {} : { createdAt }) };
    this.#owned.set(vmi, owned);
    this.#byDomainName.set(domain.name, vmi);
    return owned;
  }

  /** An adopted running domain's agent state, read from its live XML (its event came before us). */
  async #learnAgentState(owned: OwnedDomain, domain: Domain): Promise<void> {
    this.#agentChanged(owned, agentChannelConnected(parseDomainXml(await this.#connection.domainGetXmlDesc(domain, 0))));
  }

  #disown(owned: OwnedDomain): void {
    owned.poller?.stop();
    clearTimeout(owned.freezeTimer);
    this.#owned.delete(owned.vmi);
    this.#byDomainName.delete(owned.domainName);
    this.emit('removed', { vmi: owned.vmi, domainName: owned.domainName });
  }

  // ── events to status ────────────────────────────────────────────────────────

  #onEvent(event: DomainEvent): void {
    for (const waiter of [...this.#waiters]) if (waiter(event)) this.#waiters.delete(waiter);
    const vmi = this.#byDomainName.get(event.domain.name);
    if (vmi === undefined) return;
    const owned = this.#owned.get(vmi);
    if (owned === undefined) return;
    this.emit('domainEvent', { vmi, event });
    if (event.kind === 'lifecycle') {
      if (event.eventName === 'UNDEFINED') {
        this.#disown(owned);
        return;
      }
      if (event.eventName === 'STARTED') owned.everStarted = true;
      if (event.eventName === 'STOPPED') this.#agentChanged(owned, false);
    }
    if (event.kind === 'agentLifecycle') this.#agentChanged(owned, event.state === AGENT_CONNECTED);
    void this.#refresh(owned).catch(() => undefined);
  }

  #agentChanged(owned: OwnedDomain, connected: boolean): void {
    owned.agentConnected = connected;
    if (!connected) {
      owned.poller?.stop();
      return;
    }
    if (this.#options.agentPolling === false) return;
    owned.poller ??= new AgentInfoPoller(
      new GuestAgent(this.#connection, { name: owned.domainName, uuid: Buffer.from(owned.uuid, 'hex'), id: -1 }, owned.vmi, this.#agentTimeoutSeconds),
      { ...DEFAULT_AGENT_POLL_INTERVALS, ...this.#options.agentPolling },
    );
    owned.poller.start();
  }

  async #refresh(owned: OwnedDomain): Promise<DomainStatus> {
    const domain = await this.#connection.domainLookupByName(owned.domainName);
    const raw = await this.#connection.domainGetState(domain);
    const named = nameState(raw.state, raw.reason);
    if (named.state === 'running' || named.state === 'paused') owned.everStarted = true;
    const status = this.#statusOf(owned, named);
    if (!sameStatus(owned.last, status)) {
      owned.last = status;
      this.emit('status', status);
    }
    return status;
  }

  #statusOf(owned: OwnedDomain, named: NamedState): DomainStatus {
    const phase = phaseFor(named, owned.everStarted);
    const conditions: VmiCondition[] = [];
    const paused = pausedCondition(named);
    if (paused !== undefined) conditions.push(paused);
    const active = named.state === 'running' || named.state === 'paused';
    if (active) conditions.push({ type: 'AgentConnected', status: owned.agentConnected ? 'True' : 'False' });
    conditions.push({ type: 'Ready', status: named.state === 'running' ? 'True' : 'False', ...(named.state === 'running' ? {} : { reason: `Domain${named.state.charAt(0).toUpperCase()}${named.state.slice(1)}` }) });
    if (phase === 'Failed') conditions.push({ type: 'Failure', status: 'True', reason: named.reason, message: `domain ${named.state} (${named.reason})` });
    // The contract's UUID is libvirt's canonical dashed form; the hex form is internal.
    return { vmi: owned.vmi, domainName: owned.domainName, uuid: uuidToString(Buffer.from(owned.uuid, 'hex')), phase, state: named.state, reason: named.reason, conditions, ...(owned.createdAt === undefined ? {} : { createdAt: owned.createdAt }) };
  }

  /** Every status change, as an async iterator (ends when `signal` aborts). */
  async *statusUpdates(signal?: AbortSignal): AsyncGenerator<DomainStatus> {
    try {
      for await (const [status] of on(this, 'status', signal === undefined ? {} : { signal })) yield status as DomainStatus;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  }

  /** Resolves with the first event `match` accepts, or rejects after `timeoutMs`. */
  #waitForEvent(match: (event: DomainEvent) => boolean, timeoutMs: number, what: string, vmi: string): { promise: Promise<DomainEvent>; cancel: () => void } {
    let waiter: ((event: DomainEvent) => boolean) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<DomainEvent>((resolve, reject) => {
      waiter = (event) => {
        if (!match(event)) return false;
        clearTimeout(timer);
        resolve(event);
        return true;
      };
      this.#waiters.add(waiter);
      timer = setTimeout(() => {
        if (waiter !== undefined) this.#waiters.delete(waiter);
        reject(domainManagerError('OPERATION_TIMEOUT', `${what} for ${vmi} did not complete within ${timeoutMs} ms`, { vmi }));
      }, timeoutMs);
    });
    return { promise, cancel: () => { clearTimeout(timer); if (waiter !== undefined) this.#waiters.delete(waiter); } };
  }

  /** The event waiter and timeout every hotplug that waits for the guest uses. */
  #hotplugWaiting(): { waitForEvent: EventWaiter; timeoutMs: number } {
    return { waitForEvent: (match, timeoutMs, what, vmi) => this.#waitForEvent(match, timeoutMs, what, vmi), timeoutMs: this.#options.hotplugTimeoutMs ?? 60_000 };
  }

  // ── lookup helpers ──────────────────────────────────────────────────────────

  async #lookup(vmi: string): Promise<Domain> {
    const owned = this.#owned.get(vmi);
    const [namespace, name] = vmi.includes('/') ? vmi.split('/', 2) as [string, string] : ['default', vmi];
    const candidates = owned === undefined ? [`${namespace}_${name}`, name] : [owned.domainName];
    for (const candidate of candidates) {
      try {
        return await this.#connection.domainLookupByName(candidate);
      } catch (error) {
        if (!isNoDomain(error)) throw error;
      }
    }
    throw domainManagerError('DOMAIN_NOT_FOUND', `no domain is defined for VMI ${vmi}`, { vmi });
  }

  #ownedOf(vmi: string, domain: Domain): OwnedDomain {
    return this.#owned.get(vmi) ?? this.#own(vmi, domain);
  }

  #call<Result>(vmi: string, what: string, run: () => Promise<Result>): Promise<Result> {
    return run().catch((error: unknown) => {
      if (error instanceof LibvirtError) {
        if (isUnsupported(error)) throw domainManagerError('UNSUPPORTED_ON_HOST', `${what} is unsupported on this host: ${error.daemonMessage}`, { vmi }, error);
        throw domainManagerError('LIBVIRT_CALL_FAILED', `${what} for ${vmi} failed: ${error.daemonMessage}`, { vmi, libvirtCode: error.codeName }, error);
      }
      throw error;
    });
  }

  /** Runs `work` under the domain's lock with the domain looked up. */
  #withDomain<Result>(vmi: string, what: string, work: (domain: Domain, owned: OwnedDomain) => Promise<Result>): Promise<Result> {
    return this.#lock.run(vmi, async () => {
      const domain = await this.#lookup(vmi);
      return this.#call(vmi, what, () => work(domain, this.#ownedOf(vmi, domain)));
    });
  }

  // ── sync ────────────────────────────────────────────────────────────────────

  /**
   * virt-launcher's SyncVMI: prepare, convert, define only when the fingerprint differs, start
   * when it should run and is stopped, resume when paused by anything but the user. Never stops
   * or destroys a domain, so a failed sync leaves a running domain running.
   */
  sync(request: SyncRequest): Promise<DomainModel> {
    const vmi = vmiIdentity(request.vmi);
    return this.#lock.run(vmi, () => this.#call(vmi, 'sync', async () => {
      const context = await this.#contextProvider();
      await prepareVmi(request.vmi, this.#converter, context, this.#hostFor(context));
      const { domain: converted } = this.#converter.convert(request.vmi, context);
      let domain: Domain | undefined;
      try {
        domain = await this.#connection.domainLookupByName(converted.name);
      } catch (error) {
        if (!isNoDomain(error)) throw error;
      }
      const defined = domain === undefined ? undefined : readStamp(await this.#connection.domainGetXmlDesc(domain, XML_INACTIVE));
      // Stamped on the first define only; a redefinition carries the defined domain's value over.
      const createdAt = domain === undefined ? new Date().toISOString() : defined?.createdAt;
      const { xml, fingerprint } = stampDomain(converted, request.vmi, createdAt);
      const definedFingerprint = defined?.fingerprint;
      if (domain === undefined) {
        domain = await this.#connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
      } else if (definedFingerprint !== fingerprint) {
        // A redefinition must keep the domain's UUID, or libvirt refuses it as a second domain.
        converted.uuid ??= uuidToString(domain.uuid);
        domain = await this.#connection.domainDefineXmlFlags(formatDomainXml(converted), DEFINE_VALIDATE);
      }
      const owned = this.#ownedOf(vmi, domain);
      if (createdAt !== undefined) owned.createdAt = createdAt;
      const raw = await this.#connection.domainGetState(domain);
      const state = nameState(raw.state, raw.reason);
      const shouldRun = request.running ?? true;
      if (shouldRun && (state.state === 'shutoff' || state.state === 'crashed')) {
        await this.#connection.domainCreate(domain);
        owned.everStarted = true;
        owned.userPaused = false;
      } else if (state.state === 'paused' && !isUserPause(state) && !owned.userPaused && shouldRun) {
        await this.#connection.domainResume(domain);
      }
      return parseDomainXml(await this.#connection.domainGetXmlDesc(domain, 0));
    }));
  }

  async list(): Promise<DomainStatus[]> {
    const statuses: DomainStatus[] = [];
    for (const owned of [...this.#owned.values()]) {
      try {
        statuses.push(await this.#refresh(owned));
      } catch (error) {
        if (!isNoDomain(error)) throw error;
      }
    }
    return statuses;
  }

  async status(vmi: string): Promise<DomainStatus> {
    const domain = await this.#lookup(vmi);
    return this.#refresh(this.#ownedOf(vmi, domain));
  }

  /** The VMI as last synced to this domain (defaults applied), from the domain's kvmkit metadata. */
  async manifest(vmi: string): Promise<VirtualMachineInstance | undefined> {
    const domain = await this.#lookup(vmi);
    return readStamp(await this.#connection.domainGetXmlDesc(domain, XML_INACTIVE)).manifest;
  }

  /** What the agent poller last read from the guest (empty until the agent connects). */
  guestInfoSnapshot(vmi: string): GuestInfoSnapshot | undefined {
    return this.#owned.get(vmi)?.poller?.snapshot;
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────

  pause(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'pause', async (domain, owned) => {
      owned.userPaused = true;
      await this.#connection.domainSuspend(domain);
    });
  }

  unpause(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'unpause', async (domain, owned) => {
      await this.#connection.domainResume(domain);
      owned.userPaused = false;
    });
  }

  async freeze(vmi: string, unfreezeTimeoutSeconds: number): Promise<void> {
    await this.freezeFileSystems(vmi, unfreezeTimeoutSeconds);
  }

  /** `freeze`, resolving with the number of file systems the agent froze (0 when it found none it can freeze). */
  freezeFileSystems(vmi: string, unfreezeTimeoutSeconds: number): Promise<number> {
    return this.#withDomain(vmi, 'freeze', async (domain, owned) => {
      const frozen = await this.#agentCall(vmi, 'guest-fsfreeze-freeze', () => this.#connection.domainFsFreeze(domain, [], 0, this.#agentCallOptions()));
      clearTimeout(owned.freezeTimer);
      // A frozen guest cannot write: thaw it even if the caller never comes back.
      owned.freezeTimer = setTimeout(() => { void this.unfreeze(vmi).catch(() => undefined); }, unfreezeTimeoutSeconds * 1000);
      owned.freezeTimer.unref();
      return frozen;
    });
  }

  unfreeze(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'unfreeze', async (domain, owned) => {
      clearTimeout(owned.freezeTimer);
      owned.freezeTimer = undefined;
      await this.#agentCall(vmi, 'guest-fsfreeze-thaw', () => this.#connection.domainFsThaw(domain, [], 0, this.#agentCallOptions()));
    });
  }

  /** The agent's guest-fsfreeze-status. */
  async frozenState(vmi: string): Promise<'frozen' | 'thawed'> {
    const domain = await this.#lookup(vmi);
    const state = await new GuestAgent(this.#connection, domain, vmi, this.#agentTimeoutSeconds).command('guest-fsfreeze-status');
    return state === 'frozen' ? 'frozen' : 'thawed';
  }

  reset(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'reset', async (domain) => { await this.#connection.domainReset(domain); });
  }

  softReboot(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'soft reboot', async (domain, owned) => {
      if (owned.agentConnected) {
        try {
          await this.#connection.domainReboot(domain, REBOOT_AGENT);
          return;
        } catch {
          // The agent refused or is gone: fall back to ACPI, as virt-launcher does.
        }
      }
      await this.#connection.domainReboot(domain, REBOOT_ACPI);
    });
  }

  signalShutdown(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'shutdown', (domain) => this.#acpiShutdown(domain));
  }

  /** The ACPI power button; drivers without shutdown modes (the test driver) get the default. */
  async #acpiShutdown(domain: Domain): Promise<void> {
    try {
      await this.#connection.domainShutdownFlags(domain, SHUTDOWN_ACPI);
    } catch (error) {
      if (!(error instanceof LibvirtError) || (error.code !== ErrorCode.INVALID_ARG && error.code !== ErrorCode.NO_SUPPORT)) throw error;
      await this.#connection.domainShutdown(domain);
    }
  }

  gracefulShutdown(vmi: string, options: GracefulShutdownOptions): Promise<void> {
    if (!(options.gracePeriodSeconds >= 0)) {
      return Promise.reject(domainManagerError('INVALID_REQUEST', `gracePeriodSeconds: must be 0 or more, got ${options.gracePeriodSeconds}`, { vmi, path: 'gracePeriodSeconds' }));
    }
    return this.#withDomain(vmi, 'graceful shutdown', async (domain) => {
      const isOff = async (): Promise<boolean> => {
        const { state } = await this.#connection.domainGetState(domain);
        return nameState(state, 0).state === 'shutoff';
      };
      if (await isOff()) return;
      if (options.gracePeriodSeconds > 0) {
        await this.#acpiShutdown(domain);
        const deadline = Date.now() + options.gracePeriodSeconds * 1000;
        while (Date.now() < deadline) {
          if (await isOff()) return;
          await sleep(200);
        }
      }
      try {
        await this.#connection.domainDestroy(domain);
      } catch (error) {
        // It may have powered off between the last check and the destroy.
        if (!(await isOff())) throw error;
      }
    });
  }

  kill(vmi: string): Promise<void> {
    return this.#withDomain(vmi, 'kill', async (domain) => { await this.#connection.domainDestroy(domain); });
  }

  delete(vmi: string, options: DeleteOptions = {}): Promise<void> {
    return this.#withDomain(vmi, 'delete', async (domain, owned) => {
      const settings = { removeNvram: true, removeTpmState: true, ...this.#options.deleteDefaults, ...options };
      const synced = readStamp(await this.#connection.domainGetXmlDesc(domain, XML_INACTIVE)).manifest;
      const { state } = await this.#connection.domainGetState(domain);
      if (nameState(state, 0).state !== 'shutoff') await this.#connection.domainDestroy(domain);
      const flags = UNDEFINE.MANAGED_SAVE | UNDEFINE.SNAPSHOTS_METADATA | UNDEFINE.CHECKPOINTS_METADATA
        | (settings.removeNvram ? UNDEFINE.NVRAM : UNDEFINE.KEEP_NVRAM)
        | (settings.removeTpmState ? UNDEFINE.TPM : UNDEFINE.KEEP_TPM);
      try {
        await this.#connection.domainUndefineFlags(domain, flags);
      } catch (error) {
        // A driver without NVRAM, TPM or checkpoints (the test driver) refuses those flags; it has
        // no such state to keep or remove, so undefine with the flags every driver knows.
        if (!(error instanceof LibvirtError) || error.code !== ErrorCode.INVALID_ARG) throw error;
        await this.#connection.domainUndefineFlags(domain, UNDEFINE.MANAGED_SAVE | UNDEFINE.SNAPSHOTS_METADATA);
      }
      if (this.#owned.has(owned.vmi)) this.#disown(owned);
      if (synced !== undefined) await this.#release(vmi, synced);
    });
  }

  /** The plugins' `release` for a deleted VMI: what its `prepare` left on the host (port forwards). */
  async #release(vmi: string, synced: VirtualMachineInstance): Promise<void> {
    const context = await this.#contextProvider();
    try {
      await releaseVmi(synced, this.#converter, context, this.#hostFor(context));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw domainManagerError('HOST_OPERATION_FAILED', `${vmi} was deleted, but releasing its host set-up failed: ${reason}`, { vmi }, error);
    }
  }

  #hostFor(context: ConverterContext): HostOperations {
    return this.#hostOperations ?? new LibvirtHostOperations({ directories: context.directories, connection: this.#connection });
  }

  // ── hotplug ─────────────────────────────────────────────────────────────────

  hotplugVcpus(vmi: string, count: number): Promise<void> {
    return this.#withDomain(vmi, 'vCPU hotplug', async (domain) => {
      const maximum = await this.#connection.domainGetVcpusFlags(domain, VcpuFlags.LIVE | VcpuFlags.MAXIMUM);
      if (!Number.isInteger(count) || count < 1 || count > maximum) {
        throw domainManagerError('INVALID_REQUEST', `count: ${count} vCPUs is outside 1…${maximum} (the domain's maximum)`, { vmi, path: 'count' });
      }
      await this.#connection.domainSetVcpusFlags(domain, count, VcpuFlags.LIVE);
    });
  }

  hotplugMemory(vmi: string, guestMemoryBytes: bigint): Promise<void> {
    return this.#withDomain(vmi, 'memory hotplug', async (domain) => {
      const live = parseDomainXml(await this.#connection.domainGetXmlDesc(domain, 0));
      const device = live.devices?.memories?.find((memory) => memory.model === 'virtio-mem');
      const alias = device?.alias?.name;
      if (device === undefined || alias === undefined) throw domainManagerError('INVALID_REQUEST', `${vmi} has no virtio-mem device to resize`, { vmi });
      const baseKiB = BigInt(live.memory?.value ?? 0) - this.#kib(device.target?.size);
      const requestedKiB = guestMemoryBytes / 1024n - baseKiB;
      if (requestedKiB < 0n || requestedKiB > this.#kib(device.target?.size)) {
        throw domainManagerError('INVALID_REQUEST', `guestMemoryBytes: ${guestMemoryBytes} is outside what the virtio-mem device can provide`, { vmi, path: 'guestMemoryBytes' });
      }
      const waiting = this.#waitForEvent(
        (event) => event.kind === 'memoryDeviceSizeChange' && event.domain.name === domain.name && event.alias === alias && event.size === requestedKiB,
        this.#options.hotplugTimeoutMs ?? 60_000, 'memory resize', vmi,
      );
      try {
        // `current` is what the guest has plugged, reported by libvirt: not part of the request.
        const { current: _current, ...target } = device.target ?? {};
        const updated = { ...device, target: { ...target, requested: { value: Number(requestedKiB), unit: 'KiB' } } };
        await this.#connection.domainUpdateDeviceFlags(domain, formatDeviceXml('memory', updated), AFFECT_LIVE);
      } catch (error) {
        waiting.cancel();
        throw error;
      }
      await waiting.promise;
    });
  }

  #kib(value: { value: number; unit?: string } | undefined): bigint {
    if (value === undefined) return 0n;
    const factor: Record<string, bigint> = { b: 1n, bytes: 1n, KiB: 1024n, k: 1024n, MiB: 1024n ** 2n, M: 1024n ** 2n, GiB: 1024n ** 3n, G: 1024n ** 3n };
    return (BigInt(value.value) * (factor[value.unit ?? 'KiB'] ?? 1024n)) / 1024n;
  }

  /** Attaches a disk to the running domain and its persistent definition. */
  attachDisk(vmi: string, disk: Disk): Promise<void> {
    return this.#withDomain(vmi, 'disk attach', async (domain) => {
      await this.#connection.domainAttachDeviceFlags(domain, formatDeviceXml('disk', disk), (await this.#isActive(domain)) ? AFFECT_LIVE | AFFECT_CONFIG : AFFECT_CONFIG);
    });
  }

  /** Detaches the disk with target `targetDev` (`vdb`); resolves when the guest released it. */
  detachDisk(vmi: string, targetDev: string): Promise<void> {
    return this.#withDomain(vmi, 'disk detach', async (domain) => {
      const active = await this.#isActive(domain);
      const live = parseDomainXml(await this.#connection.domainGetXmlDesc(domain, active ? 0 : XML_INACTIVE));
      const disk = findDiskByTarget(live, targetDev);
      if (disk === undefined) throw domainManagerError('INVALID_REQUEST', `targetDev: ${vmi} has no disk '${targetDev}'`, { vmi, path: 'targetDev' });
      if (!active) {
        await this.#connection.domainDetachDeviceFlags(domain, formatDeviceXml('disk', disk), AFFECT_CONFIG);
        return;
      }
      const alias = disk.alias?.name;
      if (alias === undefined) throw domainManagerError('INVALID_REQUEST', `targetDev: disk '${targetDev}' of ${vmi} has no alias`, { vmi, path: 'targetDev' });
      // By alias only live: the persistent definition carries no runtime aliases.
      await detachLiveByAlias({ ...this.#hotplugWaiting(), connection: this.#connection, domain, alias, what: `detach of disk '${targetDev}'`, vmi });
      const persistent = findDiskByTarget(parseDomainXml(await this.#connection.domainGetXmlDesc(domain, XML_INACTIVE)), targetDev);
      if (persistent !== undefined) await this.#connection.domainDetachDeviceFlags(domain, formatDeviceXml('disk', persistent), AFFECT_CONFIG);
    });
  }

  /** Attaches or detaches the VMI's host device `deviceName` (its name in `spec.domain.devices.hostDevices`); see `hotplug/host-device-hotplug.ts`. */
  hotplugHostDevice(vmi: string, deviceName: string, attach: boolean): Promise<void> {
    return this.#withDomain(vmi, 'host device hotplug', (domain) => hotplugHostDevice({
      ...this.#hotplugWaiting(), connection: this.#connection, domain, vmi, name: deviceName, attach, resources: this.#options.hostDeviceResources,
    }));
  }

  async #isActive(domain: Domain): Promise<boolean> {
    const { state } = await this.#connection.domainGetState(domain);
    const name = nameState(state, 0).state;
    return name !== 'shutoff' && name !== 'crashed';
  }

  // ── guest agent ─────────────────────────────────────────────────────────────

  #agentCallOptions(): { timeoutMs: number } {
    return { timeoutMs: (this.#agentTimeoutSeconds + 5) * 1000 };
  }

  async #agentCall<Result>(vmi: string, command: string, run: () => Promise<Result>): Promise<Result> {
    try {
      return await run();
    } catch (error) {
      throw agentError(error, vmi, command);
    }
  }

  async #agent(vmi: string): Promise<GuestAgent> {
    return new GuestAgent(this.#connection, await this.#lookup(vmi), vmi, this.#agentTimeoutSeconds);
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

  async stats(vmi: string): Promise<DomainStats> {
    const domain = await this.#lookup(vmi);
    const types = DomainStatsType.STATE | DomainStatsType.CPU_TOTAL | DomainStatsType.BALLOON | DomainStatsType.VCPU | DomainStatsType.INTERFACE | DomainStatsType.BLOCK;
    const [record] = await this.#call(vmi, 'stats', () => this.#connection.connectGetAllDomainStats([domain], types));
    const values = typedParamsToRecord(record?.params ?? []);
    const big = (key: string): bigint | undefined => {
      const value = values[key];
      return typeof value === 'bigint' ? value : typeof value === 'number' ? BigInt(value) : undefined;
    };
    const num = (key: string): number => Number(values[key] ?? 0);
    const stats: DomainStats = {};
    const cpuTime = big('cpu.time');
    if (cpuTime !== undefined) stats.cpuTimeNs = cpuTime;
    const memory = Object.fromEntries(
      ([['actualKiB', 'balloon.current'], ['availableKiB', 'balloon.available'], ['unusedKiB', 'balloon.unused'], ['rssKiB', 'balloon.rss']] as const)
        .map(([name, key]) => [name, big(key)] as const).filter(([, value]) => value !== undefined),
    );
    if (Object.keys(memory).length > 0) stats.memory = memory;
    if (values['vcpu.current'] !== undefined) stats.vcpus = { current: num('vcpu.current'), maximum: num('vcpu.maximum') };
    stats.block = Array.from({ length: num('block.count') }, (_, index) => ({
      name: String(values[`block.${index}.name`] ?? ''),
      readBytes: big(`block.${index}.rd.bytes`) ?? 0n,
      writeBytes: big(`block.${index}.wr.bytes`) ?? 0n,
      ...(big(`block.${index}.capacity`) === undefined ? {} : { capacityBytes: big(`block.${index}.capacity`) }),
    }));
    stats.interfaces = Array.from({ length: num('net.count') }, (_, index) => ({
      name: String(values[`net.${index}.name`] ?? ''),
      rxBytes: big(`net.${index}.rx.bytes`) ?? 0n,
      txBytes: big(`net.${index}.tx.bytes`) ?? 0n,
    }));
    return stats;
  }

  /** Measures the guest's memory dirty rate over 1…60 s; see `stats/dirty-rate.ts`. */
  dirtyRate(vmi: string, calculationPeriodSeconds: number): Promise<DirtyRate> {
    return this.#withDomain(vmi, 'dirty rate measurement', (domain) => measureDirtyRate(this.#connection, domain, vmi, calculationPeriodSeconds));
  }

  async screenshot(vmi: string): Promise<Screenshot> {
    const domain = await this.#lookup(vmi);
    const { mime, data } = await this.#call(vmi, 'screenshot', () => this.#connection.domainScreenshot(domain));
    return { mimeType: mime ?? 'application/octet-stream', data: new Uint8Array(data) };
  }

  memoryDump(vmi: string, path: string): Promise<void> {
    return this.#withDomain(vmi, 'memory dump', async (domain) => {
      await this.#connection.domainCoreDumpWithFormat(domain, path, CoreDumpFormat.RAW, DUMP_MEMORY_ONLY);
    });
  }

  async qemuVersion(): Promise<string> {
    const version = await this.#connection.connectGetVersion();
    return `${version / 1_000_000n}.${(version / 1000n) % 1000n}.${version % 1000n}`;
  }

  // ── backup and checkpoints ──────────────────────────────────────────────────

  /**
   * A push-mode backup through libvirt's backup-begin: full, or incremental from
   * `incrementalFrom`, creating checkpoint `checkpointName`; one qcow2 file per disk. Resolves on
   * the job-completed event when the job succeeded. A failed or aborted job (see
   * `options.signal`) leaves the domain running, removes the files and deletes the checkpoint it
   * created, then rejects with `BACKUP_FAILED`.
   */
  backup(vmi: string, options: LibvirtBackupOptions): Promise<BackupResult> {
    return this.#withDomain(vmi, 'backup', async (domain) => {
      const plan = backupPlan(parseDomainXml(await this.#connection.domainGetXmlDesc(domain, 0)), options, vmi);
      const files = plan.flatMap(({ disk, path }) => (path === undefined ? [] : [{ disk, path }]));
      const existing = files.find(({ path }) => existsSync(path));
      if (existing !== undefined) throw domainManagerError('INVALID_REQUEST', `targetDirectory: ${existing.path} exists; a backup never overwrites a file`, { vmi, path: 'targetDirectory' });
      const completed = this.#waitForEvent(
        (event) => event.kind === 'jobCompleted' && event.domain.name === domain.name,
        this.#options.backupTimeoutMs ?? 3_600_000, `backup '${options.checkpointName}'`, vmi,
      );
      try {
        await this.#connection.domainBackupBegin(domain, backupXml(plan, options.incrementalFrom), checkpointXml(options.checkpointName, plan), 0);
      } catch (error) {
        completed.cancel();
        throw error;
      }
      const abort = (): void => { void this.#connection.domainAbortJob(domain).catch(() => undefined); };
      options.signal?.addEventListener('abort', abort, { once: true });
      if (options.signal?.aborted === true) abort();
      const report = (): void => {
        if (options.onProgress !== undefined) void this.#backupProgress(domain).then((progress) => { if (progress !== undefined) options.onProgress?.(progress); }, () => undefined);
      };
      report();
      const poller = setInterval(report, options.progressIntervalMs ?? 500);
      let succeeded = false;
      try {
        const event = await completed.promise;
        succeeded = await this.#jobSucceeded(domain, event);
        // A short job can finish between two polls: the completed job's own figures are the last word.
        if (succeeded && options.onProgress !== undefined && event.kind === 'jobCompleted') {
          const final = typedParamsToRecord(event.params);
          if (final.disk_total !== undefined) options.onProgress({ totalBytes: BigInt(final.disk_total), processedBytes: BigInt(final.disk_processed ?? final.disk_total) });
        }
      } finally {
        clearInterval(poller);
        options.signal?.removeEventListener('abort', abort);
        if (!succeeded) {
          // A timed-out job still runs: stop it before its files go.
          await this.#connection.domainAbortJob(domain).catch(() => undefined);
          await this.#discardBackup(domain, options.checkpointName, files.map(({ path }) => path));
        }
      }
      if (!succeeded) {
        throw domainManagerError('BACKUP_FAILED', `backup '${options.checkpointName}' of ${vmi} ${options.signal?.aborted === true ? 'was aborted' : 'failed'}`, { vmi });
      }
      return { checkpointName: options.checkpointName, files };
    });
  }

  /** The running job's progress, or undefined when no job runs. */
  async #backupProgress(domain: Domain): Promise<BackupProgress | undefined> {
    const { type, params } = await this.#connection.domainGetJobStats(domain, 0);
    if (type === JobType.NONE) return undefined;
    const values = typedParamsToRecord(params);
    return { totalBytes: BigInt(values.disk_total ?? 0), processedBytes: BigInt(values.disk_processed ?? 0) };
  }

  /** The event's `success` field, else the completed job's type. */
  async #jobSucceeded(domain: Domain, event: DomainEvent): Promise<boolean> {
    if (event.kind === 'jobCompleted') {
      const success = typedParamsToRecord(event.params).success;
      if (typeof success === 'boolean') return success;
    }
    const { type } = await this.#connection.domainGetJobStats(domain, JOB_STATS_COMPLETED);
    return type === JobType.COMPLETED;
  }

  /** After a failed job: no file and no checkpoint may look like a finished backup. */
  async #discardBackup(domain: Domain, checkpointName: string, paths: readonly string[]): Promise<void> {
    await Promise.allSettled(paths.map((path) => rm(path, { force: true })));
    try {
      await this.#connection.domainCheckpointDelete(await this.#connection.domainCheckpointLookupByName(domain, checkpointName));
    } catch {
      // libvirt did not create it (the job failed before the checkpoint existed).
    }
  }

  /**
   * Recreates a checkpoint's metadata from XML saved earlier (`checkpointDefinition`), e.g. after
   * the domain was redefined: the disk's bitmap survives in the qcow2, libvirt's record of it not.
   */
  redefineCheckpoint(vmi: string, checkpointXmlDocument: string): Promise<void> {
    return this.#withDomain(vmi, 'checkpoint redefinition', async (domain) => {
      await this.#connection.domainCheckpointCreateXml(domain, checkpointXmlDocument, CHECKPOINT_REDEFINE);
    });
  }

  /** A checkpoint's XML as libvirt has it, for `redefineCheckpoint` later. */
  checkpointDefinition(vmi: string, checkpointName: string): Promise<string> {
    return this.#withDomain(vmi, 'checkpoint lookup', async (domain) => {
      return this.#connection.domainCheckpointGetXmlDesc(await this.#connection.domainCheckpointLookupByName(domain, checkpointName), 0);
    });
  }

  // ── live migration (peer-to-peer; the logic lives in ../migration) ──────────

  #liveMigration: LiveMigration | undefined;

  #migration(): LiveMigration {
    this.#liveMigration ??= new LiveMigration({
      connection: this.#connection, converter: this.#converter, contextProvider: this.#contextProvider, hostOperations: this.#hostOperations, lookup: (vmi) => this.#lookup(vmi),
    });
    return this.#liveMigration;
  }

  /** Target side: prepares volumes and converts the VMI for this host; see `incomingMigrationXml`. */
  prepareMigration(request: SyncRequest): Promise<void> {
    const vmi = vmiIdentity(request.vmi);
    return this.#lock.run(vmi, () => this.#call(vmi, 'incoming migration', async () => { await this.#migration().prepareIncoming(request); }));
  }

  /** The domain XML `prepareMigration` made for this host: the source's `MigrationOptions.destinationXml`. */
  incomingMigrationXml(vmi: string): string | undefined { return this.#migration().incomingXml(vmi); }

  /** Source side: live-migrates to `options.destinationUri`; the domain is then undefined here. */
  async migrate(vmi: string, options: MigrationOptions): Promise<void> {
    await this.#lock.run(vmi, () => this.#migration().migrate(vmi, options));
    // The domain left: drop it now rather than when its UNDEFINED event arrives.
    await this.resync().catch(() => undefined);
  }

  migrationProgress(vmi: string): Promise<MigrationProgress> { return this.#call(vmi, 'migration progress', () => this.#migration().progress(vmi)); }
  cancelMigration(vmi: string): Promise<void> { return this.#call(vmi, 'migration cancel', () => this.#migration().cancel(vmi)); }

  /** Target side: confirms the domain arrived and runs, adopts it and reports its status. */
  async finalizeMigration(vmi: string): Promise<void> {
    const arrived = await this.#call(vmi, 'migration finalize', () => this.#migration().confirmArrived(vmi));
    const owned = this.#own(vmi, arrived.domain, arrived.createdAt);
    owned.everStarted = true;
    this.#agentChanged(owned, arrived.agentConnected);
    await this.#call(vmi, 'migration finalize', () => this.#refresh(owned));
  }

  // ── SEV: not implemented, said so ──────────────────────────────────────────

  #notImplemented(vmi: string, what: string): Promise<never> {
    return Promise.reject(domainManagerError('UNSUPPORTED_ON_HOST', `${what} for ${vmi} is not implemented by @kvmkit/domain-manager 0.1.0`, { vmi }));
  }

  async sevInfo(vmi: string): Promise<SevInfo> {
    const context = await this.#contextProvider();
    if (!context.host.launchSecurity.sev) return { supported: false };
    return this.#notImplemented(vmi, 'SEV launch measurement');
  }

  async injectLaunchSecret(vmi: string): Promise<void> {
    const context = await this.#contextProvider();
    if (!context.host.launchSecurity.sev) throw domainManagerError('UNSUPPORTED_ON_HOST', `SEV is not supported on this host, so no launch secret can be injected into ${vmi}`, { vmi });
    return this.#notImplemented(vmi, 'SEV launch secret injection');
  }
}
