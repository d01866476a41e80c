import type { DirtyRate, DomainStats, Screenshot } from '@kvmkit/core';
import { CoreDumpFormat, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { DomainAccess, DomainOperationDependencies } from '../manager/domain-access.ts';
import { measureDirtyRate } from './dirty-rate.ts';
import { readDomainStats } from './domain-stats.ts';

const DUMP_MEMORY_ONLY = 16;


/** What can be read from a running domain without changing it: stats, dirty rate, screen, memory, QEMU's version. */
export class DomainInspection {
  readonly #connection: LibvirtConnection;
  readonly #access: DomainAccess;

  constructor(dependencies: DomainOperationDependencies) {
    this.#connection = dependencies.connection;
    this.#access = dependencies.access;
  }

  async stats(vmi: string): Promise<DomainStats> {
    const domain = await this.#access.lookup(vmi);
    return this.#access.call(vmi, 'stats', () => readDomainStats(this.#connection, domain));
  }

  /** Measures the guest's memory dirty rate over 1…60 s; see `dirty-rate.ts`. */
  dirtyRate(vmi: string, calculationPeriodSeconds: number): Promise<DirtyRate> {
    return this.#access.withDomain(vmi, 'dirty rate measurement', (domain) => measureDirtyRate(this.#connection, domain, vmi, calculationPeriodSeconds));
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
