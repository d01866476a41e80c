import { CONTEXT_PROVIDER_TOKEN, CONVERTER_TOKEN, Converter, DOMAIN_MANAGER_TOKEN, LIBVIRT_CONNECTION_TOKEN } from '@kvmkit/core';
import { createHostContextProvider, LibvirtDomainManager } from '@kvmkit/domain-manager';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { join } from 'node:path';
import type { DependencyContainer } from 'tsyringe';
import { resolveConnectTarget } from './connect-target.ts';
import { createKvmctlContainer } from './kvmctl-container.ts';
import type { KvmctlSettings } from './kvmctl-settings.ts';

/** A container wired to a live libvirt connection and domain manager; `close()` releases both. */
export interface ManagerScope {
  readonly container: DependencyContainer;
  readonly manager: LibvirtDomainManager;
  readonly uri: string;
  close(): Promise<void>;
}

/**
 * Extends the offline composition with the daemon side: the connection, a context read from the
 * host's domain capabilities (KVM probed for real, TCG allowed), and the domain manager.
 */
export async function createManagerScope(settings: KvmctlSettings, connectFlag: string | undefined): Promise<ManagerScope> {
  const container = await createKvmctlContainer(settings);
  const target = await resolveConnectTarget(connectFlag, settings.stateDirectory);
  const connection: LibvirtConnection = await connect(target.uri);
  const contextProvider = createHostContextProvider({
    connection,
    virtType: settings.virtType === undefined
      ? { probe: true, allowEmulation: true, cacheFile: join(settings.stateDirectory, 'kvm-probe.json') }
      : { virtType: settings.virtType },
    directories: { state: join(settings.stateDirectory, 'state'), volumes: join(settings.stateDirectory, 'volumes') },
  });
  const manager = new LibvirtDomainManager({ connection, converter: container.resolve<Converter>(CONVERTER_TOKEN), contextProvider, agentPolling: false });
  container.register(LIBVIRT_CONNECTION_TOKEN, { useValue: connection });
  container.register(CONTEXT_PROVIDER_TOKEN, { useValue: contextProvider });
  container.register(DOMAIN_MANAGER_TOKEN, { useValue: manager });
  await manager.start();
  return {
    container,
    manager,
    uri: target.uri,
    close: async () => {
      await manager.stop();
      await connection.close();
    },
  };
}
