import { ErrorCode, LibvirtError, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';

const SHUTDOWN_ACPI = 1;

/** The ACPI power button; drivers without shutdown modes (the test driver) get the default. */
export async function acpiShutdown(connection: LibvirtConnection, domain: Domain): Promise<void> {
  try {
    await connection.domainShutdownFlags(domain, SHUTDOWN_ACPI);
  } catch (error) {
    if (!(error instanceof LibvirtError) || (error.code !== ErrorCode.INVALID_ARG && error.code !== ErrorCode.NO_SUPPORT)) throw error;
    await connection.domainShutdown(domain);
  }
}
