import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { network, nonnullString, type Network } from '../protocol/remote-types.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

const byNetwork = xdr.struct({ net: network });
const returnsNetwork = xdr.struct({ net: network });

export const NETWORK_CREATE = defineProcedure({ name: 'NETWORK_CREATE', number: 39, args: byNetwork });
export const NETWORK_DEFINE_XML = defineProcedure({ name: 'NETWORK_DEFINE_XML', number: 41, args: xdr.struct({ xml: nonnullString }), ret: returnsNetwork });
export const NETWORK_DESTROY = defineProcedure({ name: 'NETWORK_DESTROY', number: 42, args: byNetwork });
export const NETWORK_GET_XML_DESC = defineProcedure({
  name: 'NETWORK_GET_XML_DESC', number: 43, args: xdr.struct({ net: network, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullString }),
});
export const NETWORK_LOOKUP_BY_NAME = defineProcedure({ name: 'NETWORK_LOOKUP_BY_NAME', number: 46, args: xdr.struct({ name: nonnullString }), ret: returnsNetwork });
export const NETWORK_UNDEFINE = defineProcedure({ name: 'NETWORK_UNDEFINE', number: 49, args: byNetwork });
export const NETWORK_IS_ACTIVE = defineProcedure({ name: 'NETWORK_IS_ACTIVE', number: 152, args: byNetwork, ret: xdr.struct({ active: xdr.int }) });
export const NETWORK_UPDATE = defineProcedure({
  name: 'NETWORK_UPDATE',
  number: 291,
  args: xdr.struct({ net: network, command: xdr.uint, section: xdr.uint, parentIndex: xdr.int, xml: nonnullString, flags: xdr.uint }),
});

/** `VIR_CONNECT_LIST_NETWORKS_*` filters of connectListAllNetworks (0 = every network). */
export const ConnectListAllNetworksFlags = { INACTIVE: 1, ACTIVE: 2, PERSISTENT: 4, TRANSIENT: 8, AUTOSTART: 16, NO_AUTOSTART: 32 } as const;
/** `VIR_NETWORK_UPDATE_COMMAND_*`: what networkUpdate does with its XML element. */
export const NetworkUpdateCommand = { NONE: 0, MODIFY: 1, DELETE: 2, ADD_LAST: 3, ADD_FIRST: 4 } as const;
/** `VIR_NETWORK_SECTION_*`: which part of the network definition networkUpdate changes. */
export const NetworkUpdateSection = {
  NONE: 0, BRIDGE: 1, DOMAIN: 2, IP: 3, IP_DHCP_HOST: 4, IP_DHCP_RANGE: 5, FORWARD: 6, FORWARD_INTERFACE: 7, FORWARD_PF: 8,
  PORTGROUP: 9, DNS_HOST: 10, DNS_TXT: 11, DNS_SRV: 12,
} as const;
/** `VIR_NETWORK_UPDATE_AFFECT_*` bits: the running network, its persistent definition, or both (LIVE | CONFIG). */
export const NetworkUpdateFlags = { AFFECT_CURRENT: 0, AFFECT_LIVE: 1, AFFECT_CONFIG: 2 } as const;

/** Virtual networks: define, start, inspect, change and remove. */
export const networkMethods = {
  /** The network named `name`; a `LibvirtError` with codeName NO_NETWORK when there is none. */
  async networkLookupByName(this: LibvirtConnectionCore, name: string, options?: CallOptions): Promise<Network> {
    return (await this.call(NETWORK_LOOKUP_BY_NAME, { name }, options)).net;
  },
  /** Defines a persistent network from its XML (not started: see networkCreate). */
  async networkDefineXml(this: LibvirtConnectionCore, xml: string, options?: CallOptions): Promise<Network> {
    return (await this.call(NETWORK_DEFINE_XML, { xml }, options)).net;
  },
  /** Starts a defined network. */
  async networkCreate(this: LibvirtConnectionCore, network: Network, options?: CallOptions): Promise<void> {
    await this.call(NETWORK_CREATE, { net: network }, options);
  },
  /** Stops a running network; a persistent one stays defined. */
  async networkDestroy(this: LibvirtConnectionCore, network: Network, options?: CallOptions): Promise<void> {
    await this.call(NETWORK_DESTROY, { net: network }, options);
  },
  /** Removes a network's persistent definition (a running one keeps running until destroyed). */
  async networkUndefine(this: LibvirtConnectionCore, network: Network, options?: CallOptions): Promise<void> {
    await this.call(NETWORK_UNDEFINE, { net: network }, options);
  },
  async networkIsActive(this: LibvirtConnectionCore, network: Network, options?: CallOptions): Promise<boolean> {
    return (await this.call(NETWORK_IS_ACTIVE, { net: network }, options)).active === 1;
  },
  /** The network's XML: the running definition of an active network, else the persistent one. */
  async networkGetXmlDesc(this: LibvirtConnectionCore, network: Network, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(NETWORK_GET_XML_DESC, { net: network, flags }, options)).xml;
  },
  /**
   * Changes one element of a network in place (`NetworkUpdateCommand` on a `NetworkUpdateSection`,
   * `NetworkUpdateFlags`). `parentIndex` picks the parent element by position (e.g. which `<ip>`
   * for a DHCP host); -1 lets libvirt pick the only fitting one. Arguments go in the wire order of
   * current libvirt (checked against 9.0); daemons that predate libvirt's 2021 fix of this call
   * read command and section swapped.
   */
  async networkUpdate(
    this: LibvirtConnectionCore, network: Network, command: number, section: number, parentIndex: number, xml: string, flags = 0, options?: CallOptions,
  ): Promise<void> {
    await this.call(NETWORK_UPDATE, { net: network, command, section, parentIndex, xml, flags }, options);
  },
};
