import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, type Domain } from '../protocol/remote-types.ts';
import { typedParams, type TypedParam } from '../protocol/typed-param.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr, type XdrValue } from '../xdr/index.ts';

const u64 = xdr.uhyper;
const jobInfo = xdr.struct({
  type: xdr.int, timeElapsed: u64, timeRemaining: u64, dataTotal: u64, dataProcessed: u64, dataRemaining: u64,
  memTotal: u64, memProcessed: u64, memRemaining: u64, fileTotal: u64, fileProcessed: u64, fileRemaining: u64,
});
export type JobInfo = XdrValue<typeof jobInfo>;
export const DOMAIN_GET_JOB_INFO = defineProcedure({ name: 'DOMAIN_GET_JOB_INFO', number: 163, args: xdr.struct({ dom: domain }), ret: jobInfo });
export const DOMAIN_GET_JOB_STATS = defineProcedure({
  name: 'DOMAIN_GET_JOB_STATS', number: 298, args: xdr.struct({ dom: domain, flags: xdr.uint }), ret: xdr.struct({ type: xdr.int, params: typedParams(64) }),
});
export const DOMAIN_ABORT_JOB = defineProcedure({ name: 'DOMAIN_ABORT_JOB', number: 164, args: xdr.struct({ dom: domain }) });
export const DOMAIN_ABORT_JOB_FLAGS = defineProcedure({ name: 'DOMAIN_ABORT_JOB_FLAGS', number: 442, args: xdr.struct({ dom: domain, flags: xdr.uint }) });
export const DOMAIN_CORE_DUMP = defineProcedure({ name: 'DOMAIN_CORE_DUMP', number: 53, args: xdr.struct({ dom: domain, to: nonnullString, flags: xdr.uint }) });
export const DOMAIN_CORE_DUMP_WITH_FORMAT = defineProcedure({
  name: 'DOMAIN_CORE_DUMP_WITH_FORMAT', number: 334, args: xdr.struct({ dom: domain, to: nonnullString, dumpformat: xdr.uint, flags: xdr.uint }),
});

/** `VIR_DOMAIN_JOB_*` types. */
export const JobType = { NONE: 0, BOUNDED: 1, UNBOUNDED: 2, COMPLETED: 3, FAILED: 4, CANCELLED: 5 } as const;
/** `VIR_DOMAIN_CORE_DUMP_FORMAT_*`. */
export const CoreDumpFormat = { RAW: 0, KDUMP_ZLIB: 1, KDUMP_LZO: 2, KDUMP_SNAPPY: 3, WIN_DMP: 4 } as const;

/** Background jobs (migration, dump, backup) and core dumps. */
export const domainJobMethods = {
  domainGetJobInfo(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<JobInfo> {
    return this.call(DOMAIN_GET_JOB_INFO, { dom: target }, options);
  },
  /** Flags: COMPLETED 1, KEEP_COMPLETED 2. */
  domainGetJobStats(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<{ type: number; params: TypedParam[] }> {
    return this.call(DOMAIN_GET_JOB_STATS, { dom: target, flags }, options);
  },
  async domainAbortJob(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_ABORT_JOB, { dom: target }, options);
  },
  /** Flags: POSTCOPY 1 (libvirt ≥ 8.5). */
  async domainAbortJobFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_ABORT_JOB_FLAGS, { dom: target, flags }, options);
  },
  /** Dumps guest memory to a file on the daemon's host. Flags: CRASH 1, LIVE 2, BYPASS_CACHE 4, RESET 8, MEMORY_ONLY 16. */
  async domainCoreDump(this: LibvirtConnectionCore, target: Domain, path: string, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_CORE_DUMP, { dom: target, to: path, flags }, options);
  },
  /** Like domainCoreDump with a `CoreDumpFormat` (non-RAW formats need MEMORY_ONLY). */
  async domainCoreDumpWithFormat(this: LibvirtConnectionCore, target: Domain, path: string, format: number, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_CORE_DUMP_WITH_FORMAT, { dom: target, to: path, dumpformat: format, flags }, options);
  },
};
