import type { QuantityFormat } from './quantity.ts';

export interface SuffixMeaning {
  readonly base: 2n | 10n;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/** Decimal SI suffixes by power of ten (Kubernetes' `resource` package table). */
export const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);

/** Binary suffixes by power of two. */
export const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);

/**
 * Exponent forms beyond this are refused. Kubernetes would accept up to 2^31, but a memory size of
 * 10^1000 bytes is a typo, and refusing it keeps bigint arithmetic cheap.
 */
export const MAX_DECIMAL_EXPONENT = 1000;

export function interpretSuffix(suffix: string): SuffixMeaning | string {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10n, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return { base: 2n, exponent: binary, format: 'BinarySI' };
  // `1e3`, `1E-3`, `2e+6`: an exponent, as Go's strconv.ParseInt reads the part after e/E.
  const exponentForm = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  if (exponentForm?.[1] !== undefined) {
    const exponent = Number(exponentForm[1]);
    if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
      return `exponent ${exponentForm[1]} is outside ±${MAX_DECIMAL_EXPONENT}`;
    }
    return { base: 10n, exponent, format: 'DecimalExponent' };
  }
  return `unknown suffix "${suffix}" (expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or an exponent like e3)`;
}
