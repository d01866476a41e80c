import type { GracefulShutdownOptions } from '@kvmkit/core';
import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import type { DomainAccess, DomainOperationDependencies } from '../manager/domain-access.ts';
import { nameState } from '../status/domain-phase.ts';
import { acpiShutdown } from './acpi-shutdown.ts';
import { setTimeout as delay } from 'node:timers/promises';

const REBOOT_ACPI = 1;
const REBOOT_AGENT = 2;
const SHUTOFF_POLL_MS = 200;


/** Power and run state of a domain: pause, resume, reset, reboot, shut down, kill. */
export class DomainLifecycle {
  readonly #connection: LibvirtConnection;
  readonly #access: DomainAccess;

  constructor(dependencies: DomainOperationDependencies) {
    this.#connection = dependencies.connection;
    this.#access = dependencies.access;
  }

  /** A user pause: sync will not resume it. */
  pause(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'pause', async (domain, owned) => {
      owned.userPaused = true;
      await this.#connection.domainSuspend(domain);
    });
  }

  unpause(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'unpause', async (domain, owned) => {
      await this.#connection.domainResume(domain);
      owned.userPaused = false;
    });
  }

  reset(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'reset', async (domain) => { await this.#connection.domainReset(domain); });
  }

  /** Through the guest agent when it is connected, else the ACPI way. */
  softReboot(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'soft reboot', async (domain, owned) => {
      if (owned.agentConnected) {
        try {
          await this.#connection.domainReboot(domain, REBOOT_AGENT);
          return;
        } catch {
          // The agent refused or is gone: fall back to ACPI, as virt-launcher does.
        }
      }
      await this.#connection.domainReboot(domain, REBOOT_ACPI);
    });
  }

  signalShutdown(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'shutdown', (domain) => acpiShutdown(this.#connection, domain));
  }

  /** ACPI shutdown, then destroy when the guest is not off within the grace period (0: at once). */
  gracefulShutdown(vmi: string, options: GracefulShutdownOptions): Promise<void> {
    if (!(options.gracePeriodSeconds >= 0)) {
      return Promise.reject(domainManagerError('INVALID_REQUEST', `gracePeriodSeconds: must be 0 or more, got ${options.gracePeriodSeconds}`, { vmi, path: 'gracePeriodSeconds' }));
    }
    return this.#access.withDomain(vmi, 'graceful shutdown', async (domain) => {
      if (await this.#isOff(domain)) return;
      if (options.gracePeriodSeconds > 0) {
        await acpiShutdown(this.#connection, domain);
        const deadline = Date.now() + options.gracePeriodSeconds * 1000;
        while (Date.now() < deadline) {
          if (await this.#isOff(domain)) return;
          await delay(SHUTOFF_POLL_MS);
        }
      }
      try {
        await this.#connection.domainDestroy(domain);
      } catch (error) {
        // It may have powered off between the last check and the destroy.
        if (!(await this.#isOff(domain))) throw error;
      }
    });
  }

  kill(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'kill', async (domain) => { await this.#connection.domainDestroy(domain); });
  }

  async #isOff(domain: Domain): Promise<boolean> {
    const { state } = await this.#connection.domainGetState(domain);
    return nameState(state, 0).state === 'shutoff';
  }
}
