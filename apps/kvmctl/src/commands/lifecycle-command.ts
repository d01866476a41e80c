import { DOMAIN_MANAGER_TOKEN } from '@kvmkit/core';
import { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { inject, injectable } from 'tsyringe';
import { EXIT, type CommandOutput } from './command-io.ts';

export type LifecycleAction = 'pause' | 'unpause' | 'stop' | 'kill' | 'restart' | 'delete';

/** `kvmctl pause|unpause|stop|kill|restart|delete NAME`: one lifecycle operation on a VMI's domain. */
@injectable()
export class LifecycleCommand {
  constructor(@inject(DOMAIN_MANAGER_TOKEN) private readonly manager: LibvirtDomainManager) {}

  async run(action: LifecycleAction, vmi: string, graceSeconds: number, output: CommandOutput): Promise<number> {
    switch (action) {
      case 'pause': await this.manager.pause(vmi); break;
      case 'unpause': await this.manager.unpause(vmi); break;
      case 'stop': await this.manager.gracefulShutdown(vmi, { gracePeriodSeconds: graceSeconds }); break;
      case 'kill': await this.manager.kill(vmi); break;
      case 'restart': await this.manager.softReboot(vmi); break;
      case 'delete': await this.manager.delete(vmi); break;
    }
    const past: Record<LifecycleAction, string> = { pause: 'paused', unpause: 'unpaused', stop: 'stopped', kill: 'killed', restart: 'restarted', delete: 'deleted' };
    output.out(`${vmi}: ${past[action]}`);
    return EXIT.ok;
  }
}
