import type { DirtyRate, DomainStats, Screenshot } from '@kvmkit/core';
import { CoreDumpFormat, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { DomainAccess, DomainOperationDependencies } from '../manager/domain-access.ts';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { measureDirtyRate } from './dirty-rate.ts';
import { readDomainStats } from './domain-stats.ts';

const DUMP_MEMORY_ONLY = 16;

/** What can be read from a running domain without changing it: stats, dirty rate, screen, memory, QEMU's version. */
export class DomainInspection {
  readonly #connection: LibvirtConnection;
  readonly #access: DomainAccess;
  /** VMIs with a dirty-rate measurement running: QEMU measures one at a time per guest. */
  readonly #measuring = new Set<string>();

  constructor(dependencies: DomainOperationDependencies) {
    this.#connection = dependencies.connection;
    this.#access = dependencies.access;
  }

  async stats(vmi: string): Promise<DomainStats> {
    const domain = await this.#access.lookup(vmi);
    return this.#access.call(vmi, 'stats', () => readDomainStats(this.#connection, domain));
  }

  /**
   * Measures the guest's memory dirty rate over 1…60 s; see `dirty-rate.ts`. It only reads, so it
   * does not hold the domain's lock for the whole period (a sync or a kill would wait up to a
   * minute); a second measurement of the same VMI while one runs is refused instead.
   */
  async dirtyRate(vmi: string, calculationPeriodSeconds: number): Promise<DirtyRate> {
    if (this.#measuring.has(vmi)) throw domainManagerError('INVALID_REQUEST', `a dirty rate measurement of ${vmi} is already running`, { vmi });
    this.#measuring.add(vmi);
    try {
      const domain = await this.#access.lookup(vmi);
      return await this.#access.call(vmi, 'dirty rate measurement', () => measureDirtyRate(this.#connection, domain, vmi, calculationPeriodSeconds));
    } finally {
      this.#measuring.delete(vmi);
    }
  }

  async screenshot(vmi: string): Promise<Screenshot> {
    const domain = await this.#access.lookup(vmi);
    const { mime, data } = await this.#access.call(vmi, 'screenshot', () => this.#connection.domainScreenshot(domain));
    return { mimeType: mime ?? 'application/octet-stream', data: new Uint8Array(data) };
  }

  memoryDump(vmi: string, path: string): Promise<void> {
    return this.#access.withDomain(vmi, 'memory dump', async (domain) => {
      await this.#connection.domainCoreDumpWithFormat(domain, path, CoreDumpFormat.RAW, DUMP_MEMORY_ONLY);
    });
  }

  /** The hypervisor's version (connect-get-version: major × 1,000,000 + minor × 1,000 + release) as `major.minor.release`. */
  async qemuVersion(): Promise<string> {
    const version = await this.#connection.connectGetVersion();
    return `${version / 1_000_000n}.${(version / 1000n) % 1000n}.${version % 1000n}`;
  }
}
