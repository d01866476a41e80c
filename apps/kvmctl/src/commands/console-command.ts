import { DOMAIN_MANAGER_TOKEN, LIBVIRT_CONNECTION_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { inject, injectable } from 'tsyringe';
import { splitAtEscape } from '../console/escape-split.ts';
import { openConsole } from '../console/open-console.ts';
import { EXIT, type CommandOutput } from './command-io.ts';
import { domainOf } from './live-domain.ts';
import type { TerminalIo } from './terminal-io.ts';

export interface ConsoleFlags {
  device: string | undefined;
  force: boolean;
}

/**
 * `kvmctl console NAME`: the guest's serial console on this terminal, raw when it is a TTY, until
 * Ctrl-] (exit 0) or until the host closes the console (exit 0 with a note; 1 on a stream error).
 */
@injectable()
export class ConsoleCommand {
  constructor(
    @inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager,
    @inject(LIBVIRT_CONNECTION_TOKEN) private readonly connection: LibvirtConnection,
  ) {}

  async run(vmi: string, flags: ConsoleFlags, terminal: TerminalIo, output: CommandOutput): Promise<number> {
    const domain = await domainOf(this.manager, this.connection, vmi);
    const session = await openConsole(this.connection, domain, flags.device, flags.force);
    output.err(`Connected to ${vmi} via ${session.via}. Escape character is ^] (Ctrl-])`);
    const { input } = terminal;
    const raw = input.isTTY === true && input.setRawMode !== undefined;
    if (raw) input.setRawMode?.(true);
    return new Promise<number>((resolve) => {
      let done = false;
      const finish = (code: number, note?: string): void => {
        if (done) return;
        done = true;
        input.off('data', typed);
        if (raw) input.setRawMode?.(false);
        input.pause();
        session.close();
        if (note !== undefined) output.err(note);
        resolve(code);
      };
      const typed = (chunk: Buffer | string): void => {
        const { forward, escaped } = splitAtEscape(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        if (forward.length > 0) session.stream.write(forward);
        if (escaped) finish(EXIT.ok);
      };
      session.stream.on('data', (chunk: Buffer) => { terminal.output.write(chunk); });
      session.stream.once('end', () => { finish(EXIT.ok, `\r\nkvmctl: the console of ${vmi} was closed by the host`); });
      session.stream.once('error', (error: Error) => { finish(EXIT.failed, `\r\nkvmctl: console of ${vmi}: ${error.message}`); });
      input.on('data', typed);
      input.resume();
    });
  }
}
