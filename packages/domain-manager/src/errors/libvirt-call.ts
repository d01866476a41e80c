import { ErrorCode, LibvirtError } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from './domain-manager-errors.ts';

/** Whether libvirt answered that the domain does not exist. */
export function isNoDomain(error: unknown): boolean {
  return error instanceof LibvirtError && error.code === ErrorCode.NO_DOMAIN;
}

/** Whether libvirt answered that this host or driver cannot do what was asked. */
export function isUnsupported(error: unknown): boolean {
  return error instanceof LibvirtError && (error.code === ErrorCode.NO_SUPPORT || error.code === ErrorCode.OPERATION_UNSUPPORTED || error.code === ErrorCode.ARGUMENT_UNSUPPORTED);
}

/**
 * Runs `run` and turns a `LibvirtError` into the manager's error for `what`: libvirt's
 * "unsupported" answers become `UNSUPPORTED_ON_HOST`, every other one `LIBVIRT_CALL_FAILED`
 * (cause: the `LibvirtError`). Other errors (the manager's own) pass unchanged.
 */
export function libvirtCall<Result>(vmi: string, what: string, run: () => Promise<Result>): Promise<Result> {
  return run().catch((error: unknown) => {
    if (error instanceof LibvirtError) {
      if (isUnsupported(error)) throw domainManagerError('UNSUPPORTED_ON_HOST', `${what} is unsupported on this host: ${error.daemonMessage}`, { vmi }, error);
      throw domainManagerError('LIBVIRT_CALL_FAILED', `${what} for ${vmi} failed: ${error.daemonMessage}`, { vmi, libvirtCode: error.codeName }, error);
    }
    throw error;
  });
}
