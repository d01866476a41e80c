import type { LibvirtDomainManager } from '@kvmkit/domain-manager';
import { parseDomainXml, type Domain as DomainModel } from '@kvmkit/domain-xml';
import type { Domain, LibvirtConnection } from '@kvmkit/libvirt-rpc';

/** The VMI's libvirt domain handle, found through the manager's status (which knows its domain name). */
export async function domainOf(manager: LibvirtDomainManager, connection: LibvirtConnection, vmi: string): Promise<Domain> {
  const status = await manager.status(vmi);
  return connection.domainLookupByName(status.domainName);
}

/** The live domain XML of the VMI, parsed into the typed model. */
export async function liveDomainModel(connection: LibvirtConnection, domain: Domain): Promise<DomainModel> {
  return parseDomainXml(await connection.domainGetXmlDesc(domain, 0));
}
