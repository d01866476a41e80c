import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, network, nonnullString, remoteString, storagePool, type Domain, type Network, type StoragePool } from '../protocol/remote-types.ts';
import { CONNECT_SUPPORTS_FEATURE } from '../protocol/session-procedures.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr, type XdrValue } from '../xdr/index.ts';

const LIST_MAX = 16_384;
const needResults = xdr.struct({ need_results: xdr.int, flags: xdr.uint });

export const CONNECT_GET_VERSION = defineProcedure({ name: 'CONNECT_GET_VERSION', number: 4, ret: xdr.struct({ hv_ver: xdr.uhyper }), highPriority: true });
export const CONNECT_GET_LIB_VERSION = defineProcedure({ name: 'CONNECT_GET_LIB_VERSION', number: 157, ret: xdr.struct({ lib_ver: xdr.uhyper }), highPriority: true });
export const CONNECT_GET_HOSTNAME = defineProcedure({ name: 'CONNECT_GET_HOSTNAME', number: 59, ret: xdr.struct({ hostname: nonnullString }), highPriority: true });
export const CONNECT_GET_URI = defineProcedure({ name: 'CONNECT_GET_URI', number: 110, ret: xdr.struct({ uri: nonnullString }), highPriority: true });
const nodeInfo = xdr.struct({
  model: xdr.charString(32), memory: xdr.uhyper, cpus: xdr.int, mhz: xdr.int, nodes: xdr.int, sockets: xdr.int, cores: xdr.int, threads: xdr.int,
});
export type NodeInfo = XdrValue<typeof nodeInfo>;
export const NODE_GET_INFO = defineProcedure({ name: 'NODE_GET_INFO', number: 6, ret: nodeInfo, highPriority: true });
export const CONNECT_GET_CAPABILITIES = defineProcedure({ name: 'CONNECT_GET_CAPABILITIES', number: 7, ret: xdr.struct({ capabilities: nonnullString }) });
export const CONNECT_GET_DOMAIN_CAPABILITIES = defineProcedure({
  name: 'CONNECT_GET_DOMAIN_CAPABILITIES', number: 342,
  args: xdr.struct({ emulatorbin: remoteString, arch: remoteString, machine: remoteString, virttype: remoteString, flags: xdr.uint }),
  ret: xdr.struct({ capabilities: nonnullString }),
});
export const CONNECT_LIST_ALL_DOMAINS = defineProcedure({
  name: 'CONNECT_LIST_ALL_DOMAINS', number: 273, args: needResults, ret: xdr.struct({ domains: xdr.array(domain, LIST_MAX), ret: xdr.uint }), highPriority: true,
});
export const CONNECT_LIST_ALL_NETWORKS = defineProcedure({
  name: 'CONNECT_LIST_ALL_NETWORKS', number: 283, args: needResults, ret: xdr.struct({ nets: xdr.array(network, LIST_MAX), ret: xdr.uint }), highPriority: true,
});
export const CONNECT_LIST_ALL_STORAGE_POOLS = defineProcedure({
  name: 'CONNECT_LIST_ALL_STORAGE_POOLS', number: 281, args: needResults, ret: xdr.struct({ pools: xdr.array(storagePool, LIST_MAX), ret: xdr.uint }), highPriority: true,
});
export const CONNECT_REGISTER_CLOSE_CALLBACK = defineProcedure({ name: 'CONNECT_REGISTER_CLOSE_CALLBACK', number: 360, highPriority: true });
export const CONNECT_UNREGISTER_CLOSE_CALLBACK = defineProcedure({ name: 'CONNECT_UNREGISTER_CLOSE_CALLBACK', number: 361, highPriority: true });

/** Arguments of CONNECT_GET_DOMAIN_CAPABILITIES; all optional. */
export interface DomainCapabilitiesQuery {
  emulatorBinary?: string;
  arch?: string;
  machine?: string;
  virtType?: string;
  flags?: number;
}

/** Host- and connection-level calls. */
export const hostMethods = {
  /** Hypervisor version as major·1e6 + minor·1e3 + micro (e.g. QEMU 7.2.0 = 7002000n). */
  async connectGetVersion(this: LibvirtConnectionCore, options?: CallOptions): Promise<bigint> {
    return (await this.call(CONNECT_GET_VERSION, undefined, options)).hv_ver;
  },
  /** libvirt version of the daemon (9000000n = 9.0.0). */
  async connectGetLibVersion(this: LibvirtConnectionCore, options?: CallOptions): Promise<bigint> {
    return (await this.call(CONNECT_GET_LIB_VERSION, undefined, options)).lib_ver;
  },
  async connectGetHostname(this: LibvirtConnectionCore, options?: CallOptions): Promise<string> {
    return (await this.call(CONNECT_GET_HOSTNAME, undefined, options)).hostname;
  },
  /** The URI the daemon's driver reports (e.g. `test:///default`). */
  async connectGetUri(this: LibvirtConnectionCore, options?: CallOptions): Promise<string> {
    return (await this.call(CONNECT_GET_URI, undefined, options)).uri;
  },
  /** `VIR_DRV_FEATURE_*` probe. */
  async connectSupportsFeature(this: LibvirtConnectionCore, feature: number, options?: CallOptions): Promise<boolean> {
    return (await this.call(CONNECT_SUPPORTS_FEATURE, { feature }, options)).supported === 1;
  },
  nodeGetInfo(this: LibvirtConnectionCore, options?: CallOptions): Promise<NodeInfo> {
    return this.call(NODE_GET_INFO, undefined, options);
  },
  /** Host capabilities XML. */
  async connectGetCapabilities(this: LibvirtConnectionCore, options?: CallOptions): Promise<string> {
    return (await this.call(CONNECT_GET_CAPABILITIES, undefined, options)).capabilities;
  },
  /** Domain capabilities XML for an emulator/arch/machine/virt type. */
  async connectGetDomainCapabilities(this: LibvirtConnectionCore, query: DomainCapabilitiesQuery = {}, options?: CallOptions): Promise<string> {
    const args = { emulatorbin: query.emulatorBinary ?? null, arch: query.arch ?? null, machine: query.machine ?? null, virttype: query.virtType ?? null, flags: query.flags ?? 0 };
    return (await this.call(CONNECT_GET_DOMAIN_CAPABILITIES, args, options)).capabilities;
  },
  /** Domains matching `VIR_CONNECT_LIST_DOMAINS_*` flags (0 = all). */
  async connectListAllDomains(this: LibvirtConnectionCore, flags = 0, options?: CallOptions): Promise<Domain[]> {
    return (await this.call(CONNECT_LIST_ALL_DOMAINS, { need_results: 1, flags }, options)).domains;
  },
  async connectListAllNetworks(this: LibvirtConnectionCore, flags = 0, options?: CallOptions): Promise<Network[]> {
    return (await this.call(CONNECT_LIST_ALL_NETWORKS, { need_results: 1, flags }, options)).nets;
  },
  async connectListAllStoragePools(this: LibvirtConnectionCore, flags = 0, options?: CallOptions): Promise<StoragePool[]> {
    return (await this.call(CONNECT_LIST_ALL_STORAGE_POOLS, { need_results: 1, flags }, options)).pools;
  },
  /** Asks the daemon to send CONNECT_EVENT_CONNECTION_CLOSED (362) before it closes this connection. */
  connectRegisterCloseCallback(this: LibvirtConnectionCore, options?: CallOptions): Promise<undefined> {
    return this.call(CONNECT_REGISTER_CLOSE_CALLBACK, undefined, options);
  },
  connectUnregisterCloseCallback(this: LibvirtConnectionCore, options?: CallOptions): Promise<undefined> {
    return this.call(CONNECT_UNREGISTER_CLOSE_CALLBACK, undefined, options);
  },
};
