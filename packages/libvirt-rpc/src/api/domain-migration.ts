import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, remoteString, type Domain } from '../protocol/remote-types.ts';
import { typedParams, type TypedParam } from '../protocol/typed-param.ts';
import type { LibvirtStream } from '../rpc/libvirt-stream.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

const params = typedParams(64);
const cookie = xdr.opaque(4_194_304);
export const DOMAIN_MIGRATE_BEGIN3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_BEGIN3_PARAMS', number: 302, args: xdr.struct({ dom: domain, params, flags: xdr.uint }), ret: xdr.struct({ cookie_out: cookie, xml: nonnullString }),
});
export const DOMAIN_MIGRATE_PREPARE3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_PREPARE3_PARAMS', number: 303, args: xdr.struct({ params, cookie_in: cookie, flags: xdr.uint }), ret: xdr.struct({ cookie_out: cookie, uri_out: remoteString }),
});
export const DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS', number: 304, args: xdr.struct({ params, cookie_in: cookie, flags: xdr.uint }), ret: xdr.struct({ cookie_out: cookie }), stream: 'write',
});
export const DOMAIN_MIGRATE_PERFORM3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_PERFORM3_PARAMS', number: 305,
  args: xdr.struct({ dom: domain, dconnuri: remoteString, params, cookie_in: cookie, flags: xdr.uint }), ret: xdr.struct({ cookie_out: cookie }),
});
export const DOMAIN_MIGRATE_FINISH3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_FINISH3_PARAMS', number: 306,
  args: xdr.struct({ params, cookie_in: cookie, flags: xdr.uint, cancelled: xdr.int }), ret: xdr.struct({ dom: domain, cookie_out: cookie }),
});
export const DOMAIN_MIGRATE_CONFIRM3_PARAMS = defineProcedure({
  name: 'DOMAIN_MIGRATE_CONFIRM3_PARAMS', number: 307, args: xdr.struct({ dom: domain, params, cookie_in: cookie, flags: xdr.uint, cancelled: xdr.int }),
});

/** `VIR_MIGRATE_*` flags most callers need. */
export const MigrateFlags = { LIVE: 1, PEER2PEER: 2, TUNNELLED: 4, PERSIST_DEST: 8, UNDEFINE_SOURCE: 16, PAUSED: 32, NON_SHARED_DISK: 64, UNSAFE: 512, AUTO_CONVERGE: 8192, POSTCOPY: 32768, TLS: 65536 } as const;

/**
 * Migration (sheet 1.13). With PEER2PEER a single `domainMigratePerform3Params` on the source does
 * everything; without it the caller drives Begin3 → Prepare3 → Perform3 → Finish3 → Confirm3.
 */
export const domainMigrationMethods = {
  domainMigrateBegin3Params(this: LibvirtConnectionCore, target: Domain, parameters: readonly TypedParam[], flags: number, options?: CallOptions): Promise<{ cookie_out: Buffer; xml: string }> {
    return this.call(DOMAIN_MIGRATE_BEGIN3_PARAMS, { dom: target, params: [...parameters], flags }, options);
  },
  domainMigratePrepare3Params(this: LibvirtConnectionCore, parameters: readonly TypedParam[], cookieIn: Buffer, flags: number, options?: CallOptions): Promise<{ cookie_out: Buffer; uri_out: string | null }> {
    return this.call(DOMAIN_MIGRATE_PREPARE3_PARAMS, { params: [...parameters], cookie_in: cookieIn, flags }, options);
  },
  /** Tunnelled prepare: write the source's migration data into the returned stream. */
  async domainMigratePrepareTunnel3Params(this: LibvirtConnectionCore, parameters: readonly TypedParam[], cookieIn: Buffer, flags: number, options?: CallOptions): Promise<{ cookieOut: Buffer; stream: LibvirtStream }> {
    const { ret, stream } = await this.callWithStream(DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS, { params: [...parameters], cookie_in: cookieIn, flags }, options);
    return { cookieOut: ret.cookie_out, stream };
  },
  /** On the source; with PEER2PEER, `destinationUri` is the destination libvirt URI and this call is the whole migration. */
  async domainMigratePerform3Params(this: LibvirtConnectionCore, target: Domain, destinationUri: string | null, parameters: readonly TypedParam[], cookieIn: Buffer, flags: number, options?: CallOptions): Promise<Buffer> {
    return (await this.call(DOMAIN_MIGRATE_PERFORM3_PARAMS, { dom: target, dconnuri: destinationUri, params: [...parameters], cookie_in: cookieIn, flags }, options)).cookie_out;
  },
  domainMigrateFinish3Params(this: LibvirtConnectionCore, parameters: readonly TypedParam[], cookieIn: Buffer, flags: number, cancelled: boolean, options?: CallOptions): Promise<{ dom: Domain; cookie_out: Buffer }> {
    return this.call(DOMAIN_MIGRATE_FINISH3_PARAMS, { params: [...parameters], cookie_in: cookieIn, flags, cancelled: cancelled ? 1 : 0 }, options);
  },
  async domainMigrateConfirm3Params(this: LibvirtConnectionCore, target: Domain, parameters: readonly TypedParam[], cookieIn: Buffer, flags: number, cancelled: boolean, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_MIGRATE_CONFIRM3_PARAMS, { dom: target, params: [...parameters], cookie_in: cookieIn, flags, cancelled: cancelled ? 1 : 0 }, options);
  },
};
