import { divideAwayFromZero } from './divide-away-from-zero.ts';
import { InvalidQuantityError, NANOS_PER_UNIT, type Quantity } from './quantity.ts';
import { interpretSuffix } from './suffixes.ts';

/** The largest BinarySI magnitude Kubernetes keeps (2^63 - 1); larger values are capped to it. */
const MAX_BINARY_NANOS = ((1n << 63n) - 1n) * NANOS_PER_UNIT;

// Sign, integer digits, optional fraction, then a suffix made only of the letters Kubernetes'
// scanner accepts followed by an optional signed exponent. At least one digit is required: the
// API server's schema pattern for quantities rejects `Gi` and `.` before Go's parser sees them.
const QUANTITY_SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*(?:[+-]?[0-9]+)?)$/;

export type QuantityParseResult =
  | { readonly ok: true; readonly quantity: Quantity }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses a quantity as Kubernetes' `resource.ParseQuantity` does: `128Mi`, `1.5Gi`, `500m`, `1e3`,
 * `+2k`, `-1`. Numbers are accepted as YAML/JSON deliver them (quantities are int-or-string).
 * Never throws; see `parseQuantity` for the throwing form.
 */
export function tryParseQuantity(input: unknown): QuantityParseResult {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'not a finite number' };
    text = String(input);
  } else {
    return { ok: false, reason: `expected a string or number, got ${describeType(input)}` };
  }
  if (text === '') return { ok: false, reason: 'empty string' };

  const match = QUANTITY_SHAPE.exec(text);
  if (match === null) return { ok: false, reason: 'not of the form <number><suffix>' };
  const [, sign = '', integerDigits = '', fractionDigits = '', suffix = ''] = match;
  if (integerDigits === '' && fractionDigits === '') {
    return { ok: false, reason: 'no digits before the suffix' };
  }

  const meaning = interpretSuffix(suffix);
  if (typeof meaning === 'string') return { ok: false, reason: meaning };

  const mantissa = BigInt(integerDigits + fractionDigits || '0');
  // value = mantissa × 10^-fractionLength × base^exponent; scale it to nanos, rounding away from zero.
  let numerator = mantissa * NANOS_PER_UNIT;
  let denominator = 10n ** BigInt(fractionDigits.length);
  if (meaning.exponent >= 0) numerator *= meaning.base ** BigInt(meaning.exponent);
  else denominator *= meaning.base ** BigInt(-meaning.exponent);
  let magnitude = divideAwayFromZero(numerator, denominator);

  let format = meaning.format;
  if (format === 'BinarySI') {
    if (magnitude > MAX_BINARY_NANOS) magnitude = MAX_BINARY_NANOS;
    // Below one a binary suffix means nothing; Kubernetes switches to DecimalSI.
    if (magnitude > 0n && magnitude < NANOS_PER_UNIT) format = 'DecimalSI';
  }
  const nanos = sign === '-' ? -magnitude : magnitude;
  return { ok: true, quantity: { nanos, format } };
}

/** Like `tryParseQuantity`, but throws `InvalidQuantityError` naming the input and the reason. */
export function parseQuantity(input: string | number): Quantity {
  const result = tryParseQuantity(input);
  if (!result.ok) throw new InvalidQuantityError(input, result.reason);
  return result.quantity;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
