// Test-only: the libvirt network calls a test needs to look at and remove the network a plugin's
// prepare made (@kvmkit/libvirt-rpc does not wrap network procedures yet; numbers from libvirt's
// remote protocol: NETWORK_DESTROY 42, NETWORK_GET_XML_DESC 43, NETWORK_LOOKUP_BY_NAME 46,
// NETWORK_UNDEFINE 49, NETWORK_IS_ACTIVE 152).
import { defineProcedure, ErrorCode, LibvirtError, nonnullStringType, uuidType, xdr, type LibvirtConnection } from '@kvmkit/libvirt-rpc';

const network = xdr.struct({ name: nonnullStringType, uuid: uuidType });
const NETWORK_DESTROY = defineProcedure({ name: 'NETWORK_DESTROY', number: 42, args: xdr.struct({ net: network }) });
const NETWORK_GET_XML_DESC = defineProcedure({ name: 'NETWORK_GET_XML_DESC', number: 43, args: xdr.struct({ net: network, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullStringType }) });
const NETWORK_LOOKUP_BY_NAME = defineProcedure({ name: 'NETWORK_LOOKUP_BY_NAME', number: 46, args: xdr.struct({ name: nonnullStringType }), ret: xdr.struct({ net: network }) });
const NETWORK_UNDEFINE = defineProcedure({ name: 'NETWORK_UNDEFINE', number: 49, args: xdr.struct({ net: network }) });
const NETWORK_IS_ACTIVE = defineProcedure({ name: 'NETWORK_IS_ACTIVE', number: 152, args: xdr.struct({ net: network }), ret: xdr.struct({ active: xdr.int }) });

/** A network's live XML and whether it runs. */
export async function describeNetwork(connection: Pick<LibvirtConnection, 'call'>, name: string): Promise<{ xml: string; active: boolean; uuid: string }> {
  const { net } = await connection.call(NETWORK_LOOKUP_BY_NAME, { name });
  const { xml } = await connection.call(NETWORK_GET_XML_DESC, { net, flags: 0 });
  const { active } = await connection.call(NETWORK_IS_ACTIVE, { net });
  return { xml, active: active === 1, uuid: Buffer.from(net.uuid).toString('hex') };
}

/**
 * Stops and undefines a network. Stopping is what removes its bridge and firewall rules from the
 * host (a daemon that is only killed leaves them behind). No error when it is already gone.
 */
export async function removeNetwork(connection: Pick<LibvirtConnection, 'call'>, name: string): Promise<void> {
  let net: { name: string; uuid: Buffer };
  try {
    net = (await connection.call(NETWORK_LOOKUP_BY_NAME, { name })).net;
  } catch (error) {
    if (error instanceof LibvirtError && error.code === ErrorCode.NO_NETWORK) return;
    throw error;
  }
  if ((await connection.call(NETWORK_IS_ACTIVE, { net })).active === 1) await connection.call(NETWORK_DESTROY, { net });
  await connection.call(NETWORK_UNDEFINE, { net });
}
