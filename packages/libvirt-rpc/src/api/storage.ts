import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { nonnullString, storagePool, storageVolume, type StoragePool, type StorageVolume } from '../protocol/remote-types.ts';
import type { LibvirtStream } from '../rpc/libvirt-stream.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';
import { readStreamToEnd } from './domain-streams.ts';

export const STORAGE_POOL_LOOKUP_BY_NAME = defineProcedure({ name: 'STORAGE_POOL_LOOKUP_BY_NAME', number: 84, args: xdr.struct({ name: nonnullString }), ret: xdr.struct({ pool: storagePool }) });
export const STORAGE_VOL_CREATE_XML = defineProcedure({
  name: 'STORAGE_VOL_CREATE_XML', number: 93, args: xdr.struct({ pool: storagePool, xml: nonnullString, flags: xdr.uint }), ret: xdr.struct({ vol: storageVolume }),
});
export const STORAGE_VOL_DELETE = defineProcedure({ name: 'STORAGE_VOL_DELETE', number: 94, args: xdr.struct({ vol: storageVolume, flags: xdr.uint }) });
const transfer = xdr.struct({ vol: storageVolume, offset: xdr.uhyper, length: xdr.uhyper, flags: xdr.uint });
export const STORAGE_VOL_UPLOAD = defineProcedure({ name: 'STORAGE_VOL_UPLOAD', number: 208, args: transfer, stream: 'write' });
export const STORAGE_VOL_DOWNLOAD = defineProcedure({ name: 'STORAGE_VOL_DOWNLOAD', number: 209, args: transfer, stream: 'read' });

/** Storage pools and volumes, including volume upload and download streams. */
export const storageMethods = {
  async storagePoolLookupByName(this: LibvirtConnectionCore, name: string, options?: CallOptions): Promise<StoragePool> {
    return (await this.call(STORAGE_POOL_LOOKUP_BY_NAME, { name }, options)).pool;
  },
  async storageVolCreateXml(this: LibvirtConnectionCore, pool: StoragePool, xml: string, flags = 0, options?: CallOptions): Promise<StorageVolume> {
    return (await this.call(STORAGE_VOL_CREATE_XML, { pool, xml, flags }, options)).vol;
  },
  async storageVolDelete(this: LibvirtConnectionCore, volume: StorageVolume, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(STORAGE_VOL_DELETE, { vol: volume, flags }, options);
  },
  /** A write stream into the volume from `offset` (`length` 0 = to the end); `end()` it to finish. */
  async storageVolUpload(this: LibvirtConnectionCore, volume: StorageVolume, offset: bigint, length: bigint, flags = 0, options?: CallOptions): Promise<LibvirtStream> {
    return (await this.callWithStream(STORAGE_VOL_UPLOAD, { vol: volume, offset, length, flags }, options)).stream;
  },
  /** A read stream of the volume's bytes from `offset` (`length` 0 = to the end). */
  async storageVolDownload(this: LibvirtConnectionCore, volume: StorageVolume, offset: bigint, length: bigint, flags = 0, options?: CallOptions): Promise<LibvirtStream> {
    return (await this.callWithStream(STORAGE_VOL_DOWNLOAD, { vol: volume, offset, length, flags }, options)).stream;
  },
  /** Downloads the volume completely into memory. */
  async storageVolDownloadAll(this: LibvirtConnectionCore, volume: StorageVolume, flags = 0, options?: CallOptions): Promise<Buffer> {
    const { stream } = await this.callWithStream(STORAGE_VOL_DOWNLOAD, { vol: volume, offset: 0n, length: 0n, flags }, options);
    return readStreamToEnd(stream);
  },
};
