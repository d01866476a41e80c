import type { GuestFilesystem, GuestInterface, GuestOsInfo, GuestUser } from '@kvmkit/core';
import type { GuestAgent } from './guest-agent.ts';

/** What the poller last read from one guest; a field is absent until its first good read. */
export interface GuestInfoSnapshot {
  osInfo?: GuestOsInfo;
  hostname?: string;
  timezone?: { zone?: string; offsetSeconds: number };
  interfaces?: GuestInterface[];
  users?: GuestUser[];
  filesystems?: GuestFilesystem[];
  /** When each field was last read (ms since the epoch). */
  updatedAt: Partial<Record<Exclude<keyof GuestInfoSnapshot, 'updatedAt'>, number>>;
}

export interface AgentPollIntervals {
  /** OS info, hostname, timezone: rarely change. Default 300 s. */
  staticInfoMs: number;
  /** Interfaces and their addresses. Default 10 s. */
  interfacesMs: number;
  /** Users and file systems. Default 30 s. */
  usersAndFilesystemsMs: number;
}

export const DEFAULT_AGENT_POLL_INTERVALS: AgentPollIntervals = { staticInfoMs: 300_000, interfacesMs: 10_000, usersAndFilesystemsMs: 30_000 };

/**
 * Polls one guest's agent at the given intervals into a cache (virt-launcher's agent poller),
 * started when the agent connects and stopped when it disconnects. A failed read keeps the
 * previous value.
 */
export class AgentInfoPoller {
  readonly snapshot: GuestInfoSnapshot = { updatedAt: {} };
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly agent: GuestAgent,
    private readonly intervals: AgentPollIntervals,
  ) {}

  start(): void {
    if (this.#timers.length > 0) return;
    const every = (intervalMs: number, read: () => Promise<void>): void => {
      const run = (): void => { void read().catch(() => undefined); };
      run();
      const timer = setInterval(run, intervalMs);
      timer.unref();
      this.#timers.push(timer);
    };
    every(this.intervals.staticInfoMs, async () => {
      this.#store('osInfo', await this.agent.osInfo());
      this.#store('hostname', await this.agent.hostname());
      this.#store('timezone', await this.agent.timezone());
    });
    every(this.intervals.interfacesMs, async () => { this.#store('interfaces', await this.agent.interfaces()); });
    every(this.intervals.usersAndFilesystemsMs, async () => {
      this.#store('users', await this.agent.users());
      this.#store('filesystems', await this.agent.filesystems());
    });
  }

  stop(): void {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
  }

  get running(): boolean {
    return this.#timers.length > 0;
  }

  #store<Key extends Exclude<keyof GuestInfoSnapshot, 'updatedAt'>>(key: Key, value: GuestInfoSnapshot[Key]): void {
    this.snapshot[key] = value;
    this.snapshot.updatedAt[key] = Date.now();
  }
}
