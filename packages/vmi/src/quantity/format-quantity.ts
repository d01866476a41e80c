import { NANOS_PER_UNIT, type Quantity } from './quantity.ts';
import { BINARY_SUFFIXES, DECIMAL_SUFFIXES } from './suffixes.ts';

const DECIMAL_SUFFIX_BY_EXPONENT = new Map([...DECIMAL_SUFFIXES].map(([suffix, exponent]) => [exponent, suffix]));
const BINARY_SUFFIX_BY_EXPONENT = new Map([...BINARY_SUFFIXES].map(([suffix, exponent]) => [exponent / 10, suffix]));
const LARGEST_DECIMAL_EXPONENT = 18;

/**
 * The canonical text of a quantity, as Kubernetes' `Quantity.String()` computes it: no fraction
 * digits, the largest suffix that loses nothing, binary only for whole values of at least 1024.
 * `1.5Gi` → `1536Mi`, `0.5` → `500m`, `1000` → `1k`, `1E3` → `1e3`.
 */
export function formatQuantity(quantity: Quantity): string {
  const { nanos, format } = quantity;
  if (nanos === 0n) return '0';
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;

  const wholeBinary = format === 'BinarySI' && magnitude % NANOS_PER_UNIT === 0n && magnitude >= 1024n * NANOS_PER_UNIT;
  if (wholeBinary) return sign + formatBinary(magnitude / NANOS_PER_UNIT);

  // Decimal: strip factors of ten into the exponent, then step down to a multiple of three.
  let mantissa = magnitude;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent -= 1;
  }
  if (format === 'DecimalExponent') {
    return `${sign}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
  }
  // Past exa there is no SI suffix; Go would print the mantissa with none (changing the value),
  // so the surplus powers of ten stay in the mantissa instead.
  if (exponent > LARGEST_DECIMAL_EXPONENT) {
    mantissa *= 10n ** BigInt(exponent - LARGEST_DECIMAL_EXPONENT);
    exponent = LARGEST_DECIMAL_EXPONENT;
  }
  return `${sign}${mantissa}${DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? ''}`;
}

function formatBinary(units: bigint): string {
  let mantissa = units;
  let exponent = 0;
  while (mantissa % 1024n === 0n && BINARY_SUFFIX_BY_EXPONENT.has(exponent + 1)) {
    mantissa /= 1024n;
    exponent += 1;
  }
  return `${mantissa}${BINARY_SUFFIX_BY_EXPONENT.get(exponent) ?? ''}`;
}
