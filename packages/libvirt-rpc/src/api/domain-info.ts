import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { DOMAIN_STATE_NAMES, type DomainStateName } from '../events/lifecycle-names.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, remoteString, type Domain } from '../protocol/remote-types.ts';
import { typedParams, type TypedParam } from '../protocol/typed-param.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr, type XdrValue } from '../xdr/index.ts';

export const DOMAIN_GET_STATE = defineProcedure({
  name: 'DOMAIN_GET_STATE', number: 212, args: xdr.struct({ dom: domain, flags: xdr.uint }), ret: xdr.struct({ state: xdr.int, reason: xdr.int }), highPriority: true,
});
const domainInfo = xdr.struct({ state: xdr.uchar, maxMem: xdr.uhyper, memory: xdr.uhyper, nrVirtCpu: xdr.ushort, cpuTime: xdr.uhyper });
export type DomainInfo = XdrValue<typeof domainInfo>;
export const DOMAIN_GET_INFO = defineProcedure({ name: 'DOMAIN_GET_INFO', number: 16, args: xdr.struct({ dom: domain }), ret: domainInfo });
export const DOMAIN_GET_XML_DESC = defineProcedure({ name: 'DOMAIN_GET_XML_DESC', number: 14, args: xdr.struct({ dom: domain, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullString }) });
export const DOMAIN_SET_METADATA = defineProcedure({
  name: 'DOMAIN_SET_METADATA', number: 264,
  args: xdr.struct({ dom: domain, type: xdr.int, metadata: remoteString, key: remoteString, uri: remoteString, flags: xdr.uint }),
});
export const DOMAIN_GET_METADATA = defineProcedure({
  name: 'DOMAIN_GET_METADATA', number: 265, args: xdr.struct({ dom: domain, type: xdr.int, uri: remoteString, flags: xdr.uint }), ret: xdr.struct({ metadata: nonnullString }),
});
const memoryStat = xdr.struct({ tag: xdr.int, val: xdr.uhyper });
export const DOMAIN_MEMORY_STATS = defineProcedure({
  name: 'DOMAIN_MEMORY_STATS', number: 159, args: xdr.struct({ dom: domain, maxStats: xdr.uint, flags: xdr.uint }), ret: xdr.struct({ stats: xdr.array(memoryStat, 1024) }),
});
const blockStats = xdr.struct({ rd_req: xdr.hyper, rd_bytes: xdr.hyper, wr_req: xdr.hyper, wr_bytes: xdr.hyper, errs: xdr.hyper });
export type BlockStats = XdrValue<typeof blockStats>;
export const DOMAIN_BLOCK_STATS = defineProcedure({ name: 'DOMAIN_BLOCK_STATS', number: 64, args: xdr.struct({ dom: domain, path: nonnullString }), ret: blockStats });
const interfaceStats = xdr.struct({
  rx_bytes: xdr.hyper, rx_packets: xdr.hyper, rx_errs: xdr.hyper, rx_drop: xdr.hyper, tx_bytes: xdr.hyper, tx_packets: xdr.hyper, tx_errs: xdr.hyper, tx_drop: xdr.hyper,
});
export type InterfaceStats = XdrValue<typeof interfaceStats>;
export const DOMAIN_INTERFACE_STATS = defineProcedure({ name: 'DOMAIN_INTERFACE_STATS', number: 65, args: xdr.struct({ dom: domain, device: nonnullString }), ret: interfaceStats });
const statsRecord = xdr.struct({ dom: domain, params: typedParams(262_144) });
export const CONNECT_GET_ALL_DOMAIN_STATS = defineProcedure({
  name: 'CONNECT_GET_ALL_DOMAIN_STATS', number: 344,
  args: xdr.struct({ doms: xdr.array(domain, 16_384), stats: xdr.uint, flags: xdr.uint }), ret: xdr.struct({ retStats: xdr.array(statsRecord, 16_384) }),
});
export const DOMAIN_START_DIRTY_RATE_CALC = defineProcedure({
  name: 'DOMAIN_START_DIRTY_RATE_CALC', number: 427, args: xdr.struct({ dom: domain, seconds: xdr.int, flags: xdr.uint }),
});

/** `VIR_DOMAIN_METADATA_*`. */
export const MetadataType = { DESCRIPTION: 0, TITLE: 1, ELEMENT: 2 } as const;
/** `VIR_DOMAIN_STATS_*` bits for connectGetAllDomainStats. */
export const DomainStatsType = { STATE: 1, CPU_TOTAL: 2, BALLOON: 4, VCPU: 8, INTERFACE: 16, BLOCK: 32, PERF: 64, IOTHREAD: 128, MEMORY: 256, DIRTYRATE: 512, VM: 1024 } as const;
/** `dirtyrate.calc_status` of the DIRTYRATE stats (`VIR_DOMAIN_DIRTYRATE_*`). */
export const DirtyRateStatus = { UNSTARTED: 0, MEASURING: 1, MEASURED: 2 } as const;
/** `VIR_DOMAIN_DIRTYRATE_MODE_*` flags of domainStartDirtyRateCalc; 0 is QEMU's page sampling. */
export const DirtyRateCalcMode = { PAGE_SAMPLING: 0, DIRTY_BITMAP: 1, DIRTY_RING: 2 } as const;

export interface DomainState {
  state: number;
  stateName: DomainStateName | `UNKNOWN_${number}`;
  reason: number;
}

export interface DomainStatsRecord {
  domain: Domain;
  params: TypedParam[];
}

/** State, description XML, metadata and statistics of domains. */
/** `VIR_DOMAIN_XML_*`: what `domainGetXmlDesc` returns (INACTIVE: the persistent definition). */
export const DomainXmlFlags = { SECURE: 1, INACTIVE: 2, UPDATE_CPU: 4, MIGRATABLE: 8 } as const;

export const domainInfoMethods = {
  async domainGetState(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<DomainState> {
    const { state, reason } = await this.call(DOMAIN_GET_STATE, { dom: target, flags }, options);
    return { state, stateName: DOMAIN_STATE_NAMES[state] ?? `UNKNOWN_${state}`, reason };
  },
  /** State, memory (KiB), vCPUs and CPU time (ns). */
  domainGetInfo(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<DomainInfo> {
    return this.call(DOMAIN_GET_INFO, { dom: target }, options);
  },
  /** Flags: `DomainXmlFlags`. */
  async domainGetXmlDesc(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(DOMAIN_GET_XML_DESC, { dom: target, flags }, options)).xml;
  },
  /** Sets description, title or (type ELEMENT) an XML element under `key`/`uri`; `null` removes it. Flags: AFFECT_LIVE 1, CONFIG 2. */
  async domainSetMetadata(this: LibvirtConnectionCore, target: Domain, type: number, metadata: string | null, key: string | null, uri: string | null, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_METADATA, { dom: target, type, metadata, key, uri, flags }, options);
  },
  async domainGetMetadata(this: LibvirtConnectionCore, target: Domain, type: number, uri: string | null, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(DOMAIN_GET_METADATA, { dom: target, type, uri, flags }, options)).metadata;
  },
  /** Balloon statistics (`VIR_DOMAIN_MEMORY_STAT_*` tags). */
  async domainMemoryStats(this: LibvirtConnectionCore, target: Domain, maxStats = 16, flags = 0, options?: CallOptions): Promise<{ tag: number; val: bigint }[]> {
    return (await this.call(DOMAIN_MEMORY_STATS, { dom: target, maxStats, flags }, options)).stats;
  },
  domainBlockStats(this: LibvirtConnectionCore, target: Domain, path: string, options?: CallOptions): Promise<BlockStats> {
    return this.call(DOMAIN_BLOCK_STATS, { dom: target, path }, options);
  },
  domainInterfaceStats(this: LibvirtConnectionCore, target: Domain, device: string, options?: CallOptions): Promise<InterfaceStats> {
    return this.call(DOMAIN_INTERFACE_STATS, { dom: target, device }, options);
  },
  /** Typed statistics of the given domains (empty = all) for the `DomainStatsType` bits. */
  async connectGetAllDomainStats(this: LibvirtConnectionCore, domains: readonly Domain[], stats: number, flags = 0, options?: CallOptions): Promise<DomainStatsRecord[]> {
    const { retStats } = await this.call(CONNECT_GET_ALL_DOMAIN_STATS, { doms: [...domains], stats, flags }, options);
    return retStats.map((record) => ({ domain: record.dom, params: record.params }));
  },
  /**
   * Starts measuring how fast the guest dirties memory over `seconds`; returns at once. The
   * result is in connectGetAllDomainStats with `DomainStatsType.DIRTYRATE` (`dirtyrate.calc_status`
   * becomes `DirtyRateStatus.MEASURED`). Flags: see `DirtyRateCalcMode`.
   */
  async domainStartDirtyRateCalc(this: LibvirtConnectionCore, target: Domain, seconds: number, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_START_DIRTY_RATE_CALC, { dom: target, seconds, flags }, options);
  },
};
