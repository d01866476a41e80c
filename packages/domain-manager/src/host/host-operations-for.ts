import type { ConverterContext, HostOperations } from '@kvmkit/core';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { LibvirtHostOperations } from './libvirt-host-operations.ts';

/** The host operations the app gave, else `LibvirtHostOperations` confined to the context's directories. */
export function hostOperationsFor(context: ConverterContext, connection: LibvirtConnection, given: HostOperations | undefined): HostOperations {
  return given ?? new LibvirtHostOperations({ directories: context.directories, connection });
}
