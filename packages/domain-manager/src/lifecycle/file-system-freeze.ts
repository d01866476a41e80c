import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { agentError } from '../agent/agent-errors.ts';
import { GuestAgent } from '../agent/guest-agent.ts';
import type { DomainAccess, DomainOperationDependencies } from '../manager/domain-access.ts';

export interface FileSystemFreezeDependencies extends DomainOperationDependencies {
  readonly agentTimeoutSeconds: number;
}

/** The guest's file systems frozen through the agent (for consistent snapshots), thawed again at the latest after a timeout. */
export class FileSystemFreeze {
  readonly #connection: LibvirtConnection;
  readonly #access: DomainAccess;
  readonly #agentTimeoutSeconds: number;

  constructor(dependencies: FileSystemFreezeDependencies) {
    this.#connection = dependencies.connection;
    this.#access = dependencies.access;
    this.#agentTimeoutSeconds = dependencies.agentTimeoutSeconds;
  }

  /** Resolves with the number of file systems the agent froze (0 when it found none it can freeze). */
  freeze(vmi: string, unfreezeTimeoutSeconds: number): Promise<number> {
    return this.#access.withDomain(vmi, 'freeze', async (domain, owned) => {
      const frozen = await this.#agentCall(vmi, 'guest-fsfreeze-freeze', () => this.#connection.domainFsFreeze(domain, [], 0, this.#agentCallOptions()));
      clearTimeout(owned.freezeTimer);
      // A frozen guest cannot write: thaw it even if the caller never comes back.
      owned.freezeTimer = setTimeout(() => { void this.unfreeze(vmi).catch(() => undefined); }, unfreezeTimeoutSeconds * 1000);
      owned.freezeTimer.unref();
      return frozen;
    });
  }

  unfreeze(vmi: string): Promise<void> {
    return this.#access.withDomain(vmi, 'unfreeze', async (domain, owned) => {
      clearTimeout(owned.freezeTimer);
      owned.freezeTimer = undefined;
      await this.#agentCall(vmi, 'guest-fsfreeze-thaw', () => this.#connection.domainFsThaw(domain, [], 0, this.#agentCallOptions()));
    });
  }

  /** The agent's guest-fsfreeze-status. */
  async frozenState(vmi: string): Promise<'frozen' | 'thawed'> {
    const domain = await this.#access.lookup(vmi);
    const state = await new GuestAgent(this.#connection, domain, vmi, this.#agentTimeoutSeconds).command('guest-fsfreeze-status');
    return state === 'frozen' ? 'frozen' : 'thawed';
  }

  /** The deadline of a libvirt call that waits for the agent: the agent's timeout plus a margin. */
  #agentCallOptions(): { timeoutMs: number } {
    return { timeoutMs: (this.#agentTimeoutSeconds + 5) * 1000 };
  }

  async #agentCall<Result>(vmi: string, command: string, run: () => Promise<Result>): Promise<Result> {
    try {
      return await run();
    } catch (error) {
      throw agentError(error, vmi, command);
    }
  }
}
