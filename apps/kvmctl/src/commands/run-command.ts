import { DOMAIN_MANAGER_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { withDefaults } from '@kvmkit/vmi';
import { inject, injectable } from 'tsyringe';
import { EXIT, loadFile, type CommandOutput } from './command-io.ts';

export interface RunFlags {
  waitAgent: boolean;
  timeoutSeconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `kvmctl run FILE`: prepare, define and start each VMI, then wait until it runs (and its agent answers). */
@injectable()
export class RunCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(file: string, flags: RunFlags, output: CommandOutput): Promise<number> {
    const loaded = loadFile(file, output);
    if (loaded.errors.length > 0) return EXIT.failed;
    for (const { vmi } of loaded.vmis) {
      const name = `${vmi.metadata?.namespace ?? 'default'}/${vmi.metadata?.name ?? ''}`;
      await this.manager.sync({ vmi: withDefaults(vmi), running: true });
      output.out(`${name}: defined and started`);
      await this.#waitFor(name, flags, output);
    }
    return EXIT.ok;
  }

  async #waitFor(name: string, flags: RunFlags, output: CommandOutput): Promise<void> {
    const started = Date.now();
    const deadline = started + flags.timeoutSeconds * 1000;
    let reportedRunning = false;
    for (;;) {
      const waitingFor = reportedRunning ? 'the guest agent' : 'the domain to run';
      output.progress?.(`${name}: waiting for ${waitingFor} (${String(Math.round((Date.now() - started) / 1000))} s)`);
      const status = await this.manager.status(name);
      if (status.phase === 'Failed') throw new Error(`${name} failed: ${status.state}/${status.reason}`);
      if (status.phase === 'Running' && !reportedRunning) {
        output.out(`${name}: running (${status.state})`);
        reportedRunning = true;
        if (!flags.waitAgent) return;
      }
      if (reportedRunning && flags.waitAgent) {
        try {
          await this.manager.guestPing(name);
          const info = await this.manager.guestInfo(name);
          output.out(`${name}: guest agent connected (qemu-ga ${info.version})`);
          return;
        } catch {
          // Not connected yet: the guest is still booting.
        }
      }
      if (Date.now() > deadline) throw new Error(`${name} is not ${reportedRunning ? 'answering on its guest agent' : 'running'} after ${String(flags.timeoutSeconds)} s`);
      await sleep(1000);
    }
  }
}
