import { VcpuFlags, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

/** Sets the running domain's vCPU count, within its live maximum (else `INVALID_REQUEST`). */
export async function setLiveVcpus(connection: LibvirtConnection, domain: Domain, vmi: string, count: number): Promise<void> {
  const maximum = await connection.domainGetVcpusFlags(domain, VcpuFlags.LIVE | VcpuFlags.MAXIMUM);
  if (!Number.isInteger(count) || count < 1 || count > maximum) {
    throw domainManagerError('INVALID_REQUEST', `count: ${count} vCPUs is outside 1…${maximum} (the domain's maximum)`, { vmi, path: 'count' });
  }
  await connection.domainSetVcpusFlags(domain, count, VcpuFlags.LIVE);
}
