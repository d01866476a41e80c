import type { Converter, ConverterContext, HostOperations } from '@kvmkit/core';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';

/** What converting a VMI and preparing or releasing its host set-up needs (sync, delete, migration). */
export interface ConversionDependencies {
  readonly connection: LibvirtConnection;
  readonly converter: Converter;
  readonly contextProvider: () => Promise<ConverterContext>;
  /** The app's host operations; absent: `LibvirtHostOperations` on the context's directories. */
  readonly hostOperations?: HostOperations | undefined;
}
