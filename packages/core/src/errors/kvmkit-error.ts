import type { CoreErrorCode } from './error-codes.ts';

// Symbol.for survives duplicate copies of core in one process (a plugin bundling its own copy),
// where `instanceof` would not.
const KVMKIT_ERROR_MARKER = Symbol.for('kvmkit.error');

/** What an error is about, so a caller can act on it without parsing the message. */
export interface KvmkitErrorDetails {
  /** The plugin that raised or caused it. */
  plugin?: string;
  /** The configurator involved. */
  configurator?: string;
  /** `namespace/name` of the VMI being converted. */
  vmi?: string;
  /** The VMI field path, e.g. `spec.domain.devices.disks[1].disk.bus`. */
  path?: string;
  /** The plugin's own error code when it threw a coded error (kept, not overwritten). */
  pluginCode?: string;
  [key: string]: unknown;
}

/** The base of every error kvmkit raises: a stable `code`, a one-line message, and details. */
export class KvmkitError extends Error {
  readonly [KVMKIT_ERROR_MARKER] = true;
  readonly code: string;
  readonly details: KvmkitErrorDetails;

  constructor(code: CoreErrorCode | (string & {}), message: string, details: KvmkitErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KvmkitError';
    this.code = code;
    this.details = details;
  }

  /** True for any kvmkit error, from this copy of core or another. */
  static isInstance(value: unknown): value is KvmkitError {
    return typeof value === 'object' && value !== null && KVMKIT_ERROR_MARKER in value;
  }
}
