import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { nameState } from './domain-phase.ts';

/** Whether the domain has a running QEMU (running, paused, …), so live changes apply. */
export async function isDomainActive(connection: LibvirtConnection, domain: Domain): Promise<boolean> {
  const { state } = await connection.domainGetState(domain);
  const name = nameState(state, 0).state;
  return name !== 'shutoff' && name !== 'crashed';
}
