import { DOMAIN_MANAGER_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { writeFileSync } from 'node:fs';
import { inject, injectable } from 'tsyringe';
import { EXIT, type CommandOutput } from './command-io.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `kvmctl screenshot NAME -o FILE`: the first screen as libvirt returns it (PNG with QEMU ≥ 7.1). */
@injectable()
export class ScreenshotCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string, file: string, output: CommandOutput): Promise<number> {
    const { mimeType, data } = await this.manager.screenshot(vmi);
    writeFileSync(file, data);
    const isPng = Buffer.from(data.subarray(0, PNG_SIGNATURE.length)).equals(PNG_SIGNATURE);
    output.out(`${vmi}: wrote ${String(data.length)} bytes to ${file} (${isPng ? 'PNG' : `not PNG; libvirt says ${mimeType}`})`);
    return EXIT.ok;
  }
}
