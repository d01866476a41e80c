// Test-only: the libvirt network calls a test needs to look at and remove the network a plugin's
// prepare made.
import { ErrorCode, LibvirtError, type LibvirtConnection, type Network } from '@kvmkit/libvirt-rpc';

/** The connection methods these helpers use. */
type NetworkConnection = Pick<LibvirtConnection, 'networkDestroy' | 'networkGetXmlDesc' | 'networkIsActive' | 'networkLookupByName' | 'networkUndefine'>;

/** A network's live XML and whether it runs. */
export async function describeNetwork(connection: NetworkConnection, name: string): Promise<{ xml: string; active: boolean; uuid: string }> {
  const net = await connection.networkLookupByName(name);
  const xml = await connection.networkGetXmlDesc(net);
  const active = await connection.networkIsActive(net);
  return { xml, active, uuid: Buffer.from(net.uuid).toString('hex') };
}

/**
 * Stops and undefines a network. Stopping is what removes its bridge and firewall rules from the
 * host (a daemon that is only killed leaves them behind). No error when it is already gone.
 */
export async function removeNetwork(connection: NetworkConnection, name: string): Promise<void> {
  let net: Network;
  try {
    net = await connection.networkLookupByName(name);
  } catch (error) {
    if (error instanceof LibvirtError && error.code === ErrorCode.NO_NETWORK) return;
    throw error;
  }
  if (await connection.networkIsActive(net)) await connection.networkDestroy(net);
  await connection.networkUndefine(net);
}
