import { DOMAIN_MANAGER_TOKEN, type DomainStatus } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { inject, injectable } from 'tsyringe';
import { stringify } from 'yaml';
import { formatAge } from '../output/format-age.ts';
import { vmiWithStatus, type VmiObservation } from '../output/vmi-with-status.ts';
import { EXIT, type CommandOutput } from './command-io.ts';

export type GetFormat = 'table' | 'json' | 'yaml';


function isLoopbackOrLinkLocal(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.toLowerCase().startsWith('fe80:');
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

/** `kvmctl get [NAME]` / `kvmctl list`: the VMIs kvmkit runs on this libvirt, as a table or as YAML/JSON. */
@injectable()
export class GetCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  /** The condition when this process saw the agent connect, else a ping: kvmctl lives shorter than a guest. */
  async #agentConnected(status: DomainStatus): Promise<boolean> {
    if (status.conditions.some((condition) => condition.type === 'AgentConnected' && condition.status === 'True')) return true;
    if (status.phase !== 'Running' || status.state !== 'running') return false;
    return this.manager.guestPing(status.vmi).then(() => true, () => false);
  }

  async #observe(status: DomainStatus, withManifest: boolean): Promise<VmiObservation> {
    const agentConnected = await this.#agentConnected(status);
    const running = status.phase === 'Running';
    const stats = running ? await this.manager.stats(status.vmi).catch(() => undefined) : undefined;
    const interfaces = agentConnected ? await this.manager.guestInterfaces(status.vmi).catch(() => []) : [];
    const conditions = status.conditions.map((condition) => (condition.type === 'AgentConnected' ? { ...condition, status: agentConnected ? 'True' as const : 'False' as const } : condition));
    return {
      status: { ...status, conditions },
      manifest: withManifest ? await this.manager.manifest(status.vmi).catch(() => undefined) : undefined,
      interfaces,
      vcpus: stats?.vcpus?.current,
      memoryMiB: stats?.memory?.actualKiB === undefined ? undefined : stats.memory.actualKiB / 1024n,
      agentConnected,
    };
  }

  async run(name: string | undefined, format: GetFormat, output: CommandOutput): Promise<number> {
    const statuses = name === undefined ? await this.manager.list() : [await this.manager.status(name)];
    const observations = await Promise.all(statuses.map((status) => this.#observe(status, format !== 'table')));
    if (format !== 'table') {
      // Like `kubectl get vmi -o yaml`: the VMI itself with its status, one object or a list.
      const documents = observations.map(vmiWithStatus);
      const value = name === undefined ? { apiVersion: 'v1', kind: 'List', items: documents } : documents[0];
      output.out(format === 'json' ? JSON.stringify(value, null, 2) : stringify(value).trimEnd());
      return EXIT.ok;
    }
    // AGE comes from the manager's createdAt (JSON/YAML carry that raw timestamp instead).
    const now = new Date();
    const header = ['NAME', 'PHASE', 'STATE', 'VCPUS', 'MEMORY', 'IPS', 'AGENT', 'AGE'];
    const lines = observations.map(({ status, vcpus, memoryMiB, interfaces, agentConnected }) => {
      const ips = interfaces.flatMap((entry) => entry.addresses.filter((address) => !isLoopbackOrLinkLocal(address.address)).map((address) => address.address));
      return [status.vmi, status.phase, `${status.state}/${status.reason}`, vcpus === undefined ? '-' : String(vcpus), memoryMiB === undefined ? '-' : `${String(memoryMiB)}Mi`,
        ips.join(',') || '-', agentConnected ? 'connected' : '-', formatAge(status.createdAt, now)];
    });
    for (const line of table([header, ...lines])) output.out(line);
    return EXIT.ok;
  }
}
