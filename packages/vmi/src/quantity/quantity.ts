/**
 * A parsed Kubernetes quantity. `nanos` is the exact value times 10^9 (Kubernetes rounds every
 * quantity up to nano precision, so this loses nothing); `format` is how Kubernetes would print it.
 */
export interface Quantity {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

/** `BinarySI` for Ki…Ei, `DecimalSI` for n u m k M G T P E or no suffix, `DecimalExponent` for e/E forms. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export const NANOS_PER_UNIT = 1_000_000_000n;

/** Thrown by `parseQuantity`; `input` is what was given, `reason` says what is wrong with it. */
export class InvalidQuantityError extends Error {
  readonly input: unknown;
  readonly reason: string;

  constructor(input: unknown, reason: string) {
    super(`invalid quantity ${typeof input === 'string' ? JSON.stringify(input) : String(input)}: ${reason}`);
    this.name = 'InvalidQuantityError';
    this.input = input;
    this.reason = reason;
  }
}
