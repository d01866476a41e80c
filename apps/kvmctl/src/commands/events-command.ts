import { DOMAIN_MANAGER_TOKEN, type DomainStatus } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { inject, injectable } from 'tsyringe';
import { EXIT, type CommandOutput } from './command-io.ts';

/** One status update as one line: time, VMI, phase, libvirt state/reason, conditions. */
export function formatStatusLine(status: DomainStatus, at: Date): string {
  const conditions = status.conditions.map((condition) => `${condition.type}=${condition.status}${condition.reason === undefined ? '' : `(${condition.reason})`}`);
  return `${at.toISOString()}  ${status.vmi}  ${status.phase}  ${status.state}/${status.reason}  ${conditions.join(' ')}`.trimEnd();
}

/** `kvmctl events [NAME]`: status updates as they happen, one line each, until `signal` aborts (SIGINT). */
@injectable()
export class EventsCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string | undefined, signal: AbortSignal, output: CommandOutput): Promise<number> {
    if (vmi !== undefined) await this.manager.status(vmi);
    output.err(`watching ${vmi ?? 'every VMI'}; Ctrl-C stops`);
    for await (const status of this.manager.statusUpdates(signal)) {
      if (vmi === undefined || status.vmi === vmi) output.out(formatStatusLine(status, new Date()));
    }
    return EXIT.ok;
  }
}
