/** The connection ended while the call was in flight: safe to retry on a new connection if the call is idempotent. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  readonly retryable = true;
}

/** The call did not get a reply within its timeout; a late reply is dropped. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  readonly retryable = true;
}

/** The caller's AbortSignal fired before the reply arrived. */
export class CallAbortedError extends Error {
  override readonly name = 'CallAbortedError';
  readonly retryable = false;
}

/** The connection was closed by `close()`; no more calls are accepted. */
export class ConnectionClosedError extends Error {
  override readonly name = 'ConnectionClosedError';
  readonly retryable = false;
}

/** The daemon offered no authentication method this client implements (e.g. only SASL). */
export class AuthenticationUnsupportedError extends Error {
  override readonly name = 'AuthenticationUnsupportedError';
}

/** The URI or connect options cannot be used. */
export class InvalidUriError extends Error {
  override readonly name = 'InvalidUriError';
}
