import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, uuidBytes, uuidFromString, type Domain } from '../protocol/remote-types.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

const domainRet = xdr.struct({ dom: domain });
export const DOMAIN_LOOKUP_BY_NAME = defineProcedure({ name: 'DOMAIN_LOOKUP_BY_NAME', number: 23, args: xdr.struct({ name: nonnullString }), ret: domainRet, highPriority: true });
export const DOMAIN_LOOKUP_BY_UUID = defineProcedure({ name: 'DOMAIN_LOOKUP_BY_UUID', number: 24, args: xdr.struct({ uuid: uuidBytes }), ret: domainRet, highPriority: true });
export const DOMAIN_LOOKUP_BY_ID = defineProcedure({ name: 'DOMAIN_LOOKUP_BY_ID', number: 22, args: xdr.struct({ id: xdr.int }), ret: domainRet, highPriority: true });

/** Finding domains; keep the returned Domain and pass it to other calls unchanged. */
export const domainLookupMethods = {
  async domainLookupByName(this: LibvirtConnectionCore, name: string, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_LOOKUP_BY_NAME, { name }, options)).dom;
  },
  /** By UUID: 16 raw bytes or the usual string form. */
  async domainLookupByUuid(this: LibvirtConnectionCore, uuid: Buffer | string, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_LOOKUP_BY_UUID, { uuid: typeof uuid === 'string' ? uuidFromString(uuid) : uuid }, options)).dom;
  },
  async domainLookupById(this: LibvirtConnectionCore, id: number, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_LOOKUP_BY_ID, { id }, options)).dom;
  },
};
