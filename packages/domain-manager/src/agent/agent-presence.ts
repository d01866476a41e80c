import { parseDomainXml } from '@kvmkit/domain-xml';
import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { agentChannelConnected } from '../status/agent-channel.ts';
import type { OwnedDomain } from '../status/owned-domains.ts';
import { AgentInfoPoller, DEFAULT_AGENT_POLL_INTERVALS, type AgentPollIntervals } from './agent-info-poller.ts';
import { GuestAgent } from './guest-agent.ts';

export interface AgentPresenceDependencies {
  readonly connection: LibvirtConnection;
  readonly agentTimeoutSeconds: number;
  /** Poll intervals; `false` turns the poller off. */
  readonly agentPolling: Partial<AgentPollIntervals> | false | undefined;
}

/** Whether each owned domain's guest agent is connected, with its info poller running only then. */
export class AgentPresence {
  readonly #dependencies: AgentPresenceDependencies;

  constructor(dependencies: AgentPresenceDependencies) {
    this.#dependencies = dependencies;
  }

  /** Records the agent's state and starts or stops the domain's poller. */
  update(owned: OwnedDomain, connected: boolean): void {
    const { connection, agentTimeoutSeconds, agentPolling } = this.#dependencies;
    owned.agentConnected = connected;
    if (!connected) {
      owned.poller?.stop();
      return;
    }
    if (agentPolling === false) return;
    owned.poller ??= new AgentInfoPoller(
      new GuestAgent(connection, { name: owned.domainName, uuid: Buffer.from(owned.uuid, 'hex'), id: -1 }, owned.vmi, agentTimeoutSeconds),
      { ...DEFAULT_AGENT_POLL_INTERVALS, ...agentPolling },
    );
    owned.poller.start();
  }

  /** An adopted running domain's agent state, read from its live XML (its event came before us). */
  async learn(owned: OwnedDomain, domain: Domain): Promise<void> {
    this.update(owned, agentChannelConnected(parseDomainXml(await this.#dependencies.connection.domainGetXmlDesc(domain, 0))));
  }
}
