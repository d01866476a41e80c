import { DOMAIN_MANAGER_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { inject, injectable } from 'tsyringe';
import { EXIT, type CommandOutput } from './command-io.ts';

/** `kvmctl vcpus NAME N`: sets the running domain's vCPUs, within its maximum. */
@injectable()
export class VcpusCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string, count: number, output: CommandOutput): Promise<number> {
    await this.manager.hotplugVcpus(vmi, count);
    output.out(`${vmi}: ${String(count)} vCPU(s)`);
    return EXIT.ok;
  }
}

/** `kvmctl memory NAME SIZE`: resizes the guest's memory through its virtio-mem device. */
@injectable()
export class MemoryCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string, size: string, bytes: bigint, output: CommandOutput): Promise<number> {
    await this.manager.hotplugMemory(vmi, bytes);
    output.out(`${vmi}: guest memory ${size}`);
    return EXIT.ok;
  }
}
