import { DOMAIN_MANAGER_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { inject, injectable } from 'tsyringe';
import { stringify } from 'yaml';
import { EXIT, type CommandOutput } from './command-io.ts';

/** `kvmctl guest NAME`: what the guest agent reports — OS, users, file systems, interfaces. */
@injectable()
export class GuestCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string, output: CommandOutput): Promise<number> {
    const [os, hostname, users, filesystems, interfaces] = await Promise.all([
      this.manager.guestOsInfo(vmi),
      this.manager.guestHostname(vmi),
      this.manager.guestUsers(vmi).catch(() => []),
      this.manager.guestFilesystems(vmi).catch(() => []),
      this.manager.guestInterfaces(vmi),
    ]);
    const report = { hostname, os, users, filesystems: filesystems.map((entry) => ({ ...entry, usedBytes: entry.usedBytes?.toString(), totalBytes: entry.totalBytes?.toString() })), interfaces };
    output.out(stringify(report).trimEnd());
    return EXIT.ok;
  }
}

/** `kvmctl exec NAME -- CMD…`: runs a command in the guest through the agent; exits with its exit code. */
@injectable()
export class ExecCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(vmi: string, command: readonly string[], timeoutSeconds: number, output: CommandOutput): Promise<number> {
    const [program, ...args] = command;
    if (program === undefined) throw new Error('exec needs a command after --');
    const result = await this.manager.exec(vmi, program, args, timeoutSeconds);
    if (result.stdout !== '') output.out(result.stdout.trimEnd());
    if (result.stderr !== '') output.err(result.stderr.trimEnd());
    return result.exitCode;
  }
}
