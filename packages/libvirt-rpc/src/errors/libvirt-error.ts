import { ErrorCode, errorCodeName, errorDomainName } from './error-codes.ts';
import type { RemoteError } from './remote-error.ts';

/** `virErrorLevel`. */
export type ErrorLevel = 'none' | 'warning' | 'error';
const LEVELS: readonly ErrorLevel[] = ['none', 'warning', 'error'];

/** An error the daemon returned for a call: the whole `remote_error`, numeric and symbolic. */
export class LibvirtError extends Error {
  override name = 'LibvirtError';
  /** `virErrorNumber`, e.g. 42. */
  readonly code: number;
  /** e.g. `NO_DOMAIN`. */
  readonly codeName: string;
  /** `virErrorDomain`, e.g. 10. */
  readonly domain: number;
  /** e.g. `QEMU`. */
  readonly domainName: string;
  readonly level: ErrorLevel;
  /** The procedure that failed, e.g. `DOMAIN_LOOKUP_BY_NAME`. */
  readonly procedure: string;
  /** The extra fields libvirt fills for some errors. */
  readonly details: { domainName: string | null; networkName: string | null; str1: string | null; str2: string | null; str3: string | null; int1: number; int2: number };

  constructor(procedure: string, error: RemoteError) {
    const codeName = errorCodeName(error.code);
    const domainName = errorDomainName(error.domain);
    super(`${procedure}: ${error.message ?? 'unknown error'} (${codeName}/${domainName})`);
    this.procedure = procedure;
    this.code = error.code;
    this.codeName = codeName;
    this.domain = error.domain;
    this.domainName = domainName;
    this.level = LEVELS[error.level] ?? 'error';
    this.details = {
      domainName: error.dom?.name ?? null,
      networkName: error.net?.name ?? null,
      str1: error.str1,
      str2: error.str2,
      str3: error.str3,
      int1: error.int1,
      int2: error.int2,
    };
  }

  /** The daemon's message without the procedure and code suffix. */
  get daemonMessage(): string {
    return this.message.slice(this.procedure.length + 2).replace(/ \([A-Z0-9_]+\/[A-Z0-9_]+\)$/, '');
  }
}

/** The daemon does not know the procedure: it is older than the call (code RPC, "unknown procedure"). */
export class UnsupportedOperationError extends LibvirtError {
  override name = 'UnsupportedOperationError';
}

/** The right class for a daemon error: "unknown procedure" becomes UnsupportedOperationError. */
export function libvirtErrorFrom(procedure: string, error: RemoteError): LibvirtError {
  if (error.code === ErrorCode.RPC && (error.message ?? '').includes('unknown procedure')) {
    return new UnsupportedOperationError(procedure, error);
  }
  return new LibvirtError(procedure, error);
}
