import { DOMAIN_MANAGER_TOKEN, LIBVIRT_CONNECTION_TOKEN, type DomainStatus } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { inject, injectable } from 'tsyringe';
import { describeDomainSpec } from '../output/describe-domain.ts';
import { EXIT, type CommandOutput } from './command-io.ts';
import { domainOf, liveDomainModel } from './live-domain.ts';

function statusLine(status: DomainStatus): string {
  return `${status.phase} ${status.state}/${status.reason}`;
}

/**
 * `kvmctl describe NAME`: the spec of the live domain, status, conditions, and the status updates
 * the manager reported while the command ran (kvmctl keeps no history: it lives shorter than a VM).
 */
@injectable()
export class DescribeCommand {
  constructor(
    @inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager,
    @inject(LIBVIRT_CONNECTION_TOKEN) private readonly connection: LibvirtConnection,
  ) {}

  async run(vmi: string, output: CommandOutput): Promise<number> {
    const seen: string[] = [];
    const record = (status: DomainStatus): void => { if (status.vmi === vmi) seen.push(`${new Date().toISOString()}  ${statusLine(status)}`); };
    this.manager.on('status', record);
    try {
      const status = await this.manager.status(vmi);
      const domain = await domainOf(this.manager, this.connection, vmi);
      const model = await liveDomainModel(this.connection, domain);
      output.out(`Name:        ${status.vmi}`);
      output.out(`UUID:        ${status.uuid}`);
      output.out(`Status:      ${statusLine(status)}`);
      for (const line of describeDomainSpec(model)) output.out(line);
      output.out('Conditions:');
      output.out('  TYPE            STATUS  REASON');
      for (const condition of status.conditions) output.out(`  ${condition.type.padEnd(16)}${condition.status.padEnd(8)}${condition.reason ?? ''}`.trimEnd());
      output.out('Events (reported by the manager while this command ran):');
      output.out(seen.length === 0 ? '  none' : seen.map((line) => `  ${line}`).join('\n'));
      return EXIT.ok;
    } finally {
      this.manager.off('status', record);
    }
  }
}
