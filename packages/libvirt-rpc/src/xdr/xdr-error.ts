/** A value that does not fit its XDR type, or bytes that do not decode: names the field path and the reason. */
export class XdrError extends Error {
  override readonly name = 'XdrError';
  /** Field path from the outermost type, e.g. `['domains', '3', 'name']`. */
  readonly path: string[];
  readonly reason: string;

  constructor(reason: string, path: string[] = []) {
    super(XdrError.describe(reason, path));
    this.reason = reason;
    this.path = path;
  }

  /** The same error one level further out, so nested failures read `outer.inner: reason`. */
  within(segment: string): XdrError {
    return new XdrError(this.reason, [segment, ...this.path]);
  }

  private static describe(reason: string, path: string[]): string {
    return path.length === 0 ? reason : `${path.join('.')}: ${reason}`;
  }
}

/** Runs `step`, re-throwing an XdrError with `segment` prepended to its path. */
export function atField<T>(segment: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof XdrError) throw error.within(segment);
    throw error;
  }
}
