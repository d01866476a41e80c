// Network procedures @kvmkit/libvirt-rpc does not wrap yet, declared the way its README shows
// (numbers from libvirt's remote protocol: NETWORK_CREATE 39, NETWORK_DEFINE_XML 41,
// NETWORK_GET_XML_DESC 43, NETWORK_LOOKUP_BY_NAME 46, NETWORK_IS_ACTIVE 152, NETWORK_UPDATE 291,
// CONNECT_LIST_ALL_NETWORKS 283). Declared through `call` so host operations need only that.
import { defineProcedure, nonnullStringType, uuidType, xdr } from '@kvmkit/libvirt-rpc';

const network = xdr.struct({ name: nonnullStringType, uuid: uuidType });

export const CONNECT_LIST_ALL_NETWORKS = defineProcedure({
  name: 'CONNECT_LIST_ALL_NETWORKS', number: 283, args: xdr.struct({ need_results: xdr.int, flags: xdr.uint }), ret: xdr.struct({ nets: xdr.array(network, 16_384), ret: xdr.uint }),
});
export const NETWORK_CREATE = defineProcedure({ name: 'NETWORK_CREATE', number: 39, args: xdr.struct({ net: network }) });
export const NETWORK_DEFINE_XML = defineProcedure({ name: 'NETWORK_DEFINE_XML', number: 41, args: xdr.struct({ xml: nonnullStringType }), ret: xdr.struct({ net: network }) });
export const NETWORK_GET_XML_DESC = defineProcedure({ name: 'NETWORK_GET_XML_DESC', number: 43, args: xdr.struct({ net: network, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullStringType }) });
export const NETWORK_LOOKUP_BY_NAME = defineProcedure({ name: 'NETWORK_LOOKUP_BY_NAME', number: 46, args: xdr.struct({ name: nonnullStringType }), ret: xdr.struct({ net: network }) });
export const NETWORK_IS_ACTIVE = defineProcedure({ name: 'NETWORK_IS_ACTIVE', number: 152, args: xdr.struct({ net: network }), ret: xdr.struct({ active: xdr.int }) });
export const NETWORK_UPDATE = defineProcedure({
  name: 'NETWORK_UPDATE',
  number: 291,
  args: xdr.struct({ net: network, command: xdr.uint, section: xdr.uint, parentIndex: xdr.int, xml: nonnullStringType, flags: xdr.uint }),
});

/** virConnectListAllNetworksFlags: running networks only. */
export const LIST_NETWORKS_ACTIVE = 2;
/** virNetworkUpdateCommand values. */
export const NetworkUpdateCommand = { DELETE: 2, ADD_LAST: 3 } as const;
/** virNetworkUpdateSection: a `<host>` inside an `<ip><dhcp>`. */
export const NETWORK_SECTION_IP_DHCP_HOST = 4;
/** virNetworkUpdateFlags: change the running network and its persistent definition. */
export const NETWORK_UPDATE_LIVE_AND_CONFIG = 1 | 2;
