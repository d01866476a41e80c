import { describe, expect, it } from 'vitest';
import { formatQuantity } from './format-quantity.ts';
import { parseQuantity, tryParseQuantity } from './parse-quantity.ts';
import { InvalidQuantityError, type Quantity } from './quantity.ts';
import { quantityToBytes, quantityToMillis } from './quantity-to-bytes.ts';

const Ki = 1024n;
const GiB = Ki ** 3n;

describe('parseQuantity', () => {
  // Value and format as Kubernetes' own ParseQuantity tests give them.
  it.each([
    ['0', 0n, 'DecimalSI'],
    ['0Ki', 0n, 'BinarySI'],
    ['1', 1n, 'DecimalSI'],
    ['1Ki', Ki, 'BinarySI'],
    ['7Mi', 7n * Ki ** 2n, 'BinarySI'],
    ['6Gi', 6n * GiB, 'BinarySI'],
    ['5Ti', 5n * Ki ** 4n, 'BinarySI'],
    ['4Pi', 4n * Ki ** 5n, 'BinarySI'],
    ['3Ei', 3n * Ki ** 6n, 'BinarySI'],
    ['8k', 8000n, 'DecimalSI'],
    ['7M', 7_000_000n, 'DecimalSI'],
    ['6G', 6_000_000_000n, 'DecimalSI'],
    ['5T', 5n * 10n ** 12n, 'DecimalSI'],
    ['2P', 2n * 10n ** 15n, 'DecimalSI'],
    ['1E', 10n ** 18n, 'DecimalSI'],
    ['12E', 12n * 10n ** 18n, 'DecimalSI'],
    ['1e3', 1000n, 'DecimalExponent'],
    ['1E6', 1_000_000n, 'DecimalExponent'],
    ['1.3E+6', 1_300_000n, 'DecimalExponent'],
    ['1.2e3', 1200n, 'DecimalExponent'],
    ['100.035k', 100_035n, 'DecimalSI'],
    ['1.5Gi', 1_610_612_736n, 'BinarySI'],
    ['0.5Mi', 512n * Ki, 'BinarySI'],
    ['1.', 1n, 'DecimalSI'],
    ['1.G', 1_000_000_000n, 'DecimalSI'],
    ['+1k', 1000n, 'DecimalSI'],
    ['-1k', -1000n, 'DecimalSI'],
  ] as const)('%s is %d units, %s', (input, units, format) => {
    const quantity = parseQuantity(input);
    expect(quantity.nanos).toBe(units * 1_000_000_000n);
    expect(quantity.format).toBe(format);
  });

  it.each([
    ['3m', 3_000_000n],
    ['5n', 5n],
    ['4u', 4000n],
    ['0.5', 500_000_000n],
    ['.001', 1_000_000n],
    ['0.5e-1', 50_000_000n],
  ])('%s is %d nanos', (input, nanos) => {
    expect(parseQuantity(input).nanos).toBe(nanos);
  });

  it('rounds up to nano precision, away from zero, as Kubernetes does', () => {
    expect(parseQuantity('3.001n').nanos).toBe(4n);
    expect(parseQuantity('0.0000000001').nanos).toBe(1n);
    expect(parseQuantity('0.00000012345').nanos).toBe(124n);
    expect(parseQuantity('1.1E-9').nanos).toBe(2n);
    expect(parseQuantity('-3.001n').nanos).toBe(-4n);
  });

  it('switches a binary value below one to DecimalSI', () => {
    expect(parseQuantity('0.000000000001Ki')).toEqual({ nanos: 2n, format: 'DecimalSI' });
  });

  it('caps binary values at 2^63-1 and keeps precision beyond 2^53 as bigint', () => {
    const max = (1n << 63n) - 1n;
    expect(quantityToBytes('9Ei')).toBe(max);
    expect(quantityToBytes('9223372036854775807Ki')).toBe(max);
    expect(quantityToBytes('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(quantityToBytes('99999999999999999999')).toBe(99_999_999_999_999_999_999n);
  });

  it('accepts numbers, as YAML delivers an unquoted quantity', () => {
    expect(parseQuantity(2)).toEqual({ nanos: 2_000_000_000n, format: 'DecimalSI' });
    expect(parseQuantity(0.5).nanos).toBe(500_000_000n);
    expect(parseQuantity(1e21).format).toBe('DecimalExponent');
  });

  it.each([
    ['1GB', 'not of the form <number><suffix>'],
    ['1.2.3', 'not of the form <number><suffix>'],
    ['', 'empty string'],
    ['Gi', 'no digits before the suffix'],
    ['.', 'no digits before the suffix'],
    ['1i', 'unknown suffix "i" (expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or an exponent like e3)'],
    ['0.1mi', 'unknown suffix "mi" (expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or an exponent like e3)'],
    ['1e', 'unknown suffix "e" (expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or an exponent like e3)'],
    ['-3.01e-', 'not of the form <number><suffix>'],
    ['1+1.0M', 'not of the form <number><suffix>'],
    ['0.1am', 'not of the form <number><suffix>'],
    ['aoeu', 'not of the form <number><suffix>'],
    [' 1', 'not of the form <number><suffix>'],
    ['1 ', 'not of the form <number><suffix>'],
    ['1Ki5', 'unknown suffix "Ki5" (expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or an exponent like e3)'],
    ['1e99999', 'exponent 99999 is outside ±1000'],
  ])('rejects %j: %s', (input, reason) => {
    expect(tryParseQuantity(input)).toEqual({ ok: false, reason });
    expect(() => parseQuantity(input)).toThrow(InvalidQuantityError);
  });

  it('rejects values that are neither string nor number, naming the type', () => {
    expect(tryParseQuantity(true)).toEqual({ ok: false, reason: 'expected a string or number, got boolean' });
    expect(tryParseQuantity(null)).toEqual({ ok: false, reason: 'expected a string or number, got null' });
    expect(tryParseQuantity(Number.NaN)).toEqual({ ok: false, reason: 'not a finite number' });
  });

  it('names the input and the reason in the thrown error', () => {
    expect(() => parseQuantity('1GB')).toThrow('invalid quantity "1GB": not of the form <number><suffix>');
  });
});

describe('quantityToBytes', () => {
  it.each([
    ['128Mi', 134_217_728n],
    ['1.5Gi', 1_610_612_736n],
    ['1G', 1_000_000_000n],
    ['1e3', 1000n],
    ['0.1Ki', 103n], // 102.4 rounds up
    ['1.5', 2n],
    ['100m', 1n],
    ['-1.5', -2n], // away from zero, like Value()
    ['0', 0n],
  ])('%s is %d bytes', (input, bytes) => {
    expect(quantityToBytes(input)).toBe(bytes);
  });

  it('takes an already parsed quantity', () => {
    expect(quantityToBytes(parseQuantity('2Ki'))).toBe(2048n);
  });
});

describe('quantityToMillis', () => {
  it.each([
    ['1', 1000n],
    ['1.5', 1500n],
    ['100m', 100n],
    ['0.0001', 1n],
    [2, 2000n],
  ] as const)('%s is %d millis', (input, millis) => {
    expect(quantityToMillis(input)).toBe(millis);
  });
});

describe('formatQuantity', () => {
  const quantity = (units: bigint, format: Quantity['format'], nanoShift = 0n): Quantity => ({
    nanos: units * 10n ** (9n - nanoShift),
    format,
  });

  // Expected strings are Kubernetes' TestQuantityString table.
  it.each([
    [quantity(GiB, 'BinarySI'), '1Gi'],
    [quantity(300n * Ki ** 2n, 'BinarySI'), '300Mi'],
    [quantity(6n * Ki, 'BinarySI'), '6Ki'],
    [quantity(1001n * GiB, 'BinarySI'), '1001Gi'],
    [quantity(Ki ** 4n, 'BinarySI'), '1Ti'],
    [quantity(5n, 'BinarySI'), '5'],
    [quantity(500n, 'BinarySI', 3n), '500m'],
    [quantity(1_000_000_000n, 'DecimalSI'), '1G'],
    [quantity(1n, 'DecimalSI', 3n), '1m'],
    [quantity(80n, 'DecimalSI', 3n), '80m'],
    [quantity(108n, 'DecimalSI', 2n), '1080m'],
    [quantity(300_000_000n, 'DecimalSI'), '300M'],
    [quantity(10n ** 12n, 'DecimalSI'), '1T'],
    [quantity(1_234_567_000_000n, 'DecimalSI'), '1234567M'],
    [quantity(1_234_567n, 'BinarySI', 3n), '1234567m'],
    [quantity(3000n, 'DecimalSI'), '3k'],
    [quantity(1025n, 'BinarySI'), '1025'],
    [quantity(0n, 'BinarySI'), '0'],
    [quantity(1_000_000_000n, 'DecimalExponent'), '1e9'],
    [quantity(1n, 'DecimalExponent', 3n), '1e-3'],
    [quantity(1n, 'DecimalExponent', 9n), '1e-9'],
    [quantity(80n, 'DecimalExponent', 3n), '80e-3'],
    [quantity(300_000_000n, 'DecimalExponent'), '300e6'],
    [quantity(1n, 'DecimalSI', 9n), '1n'],
    [quantity(1080n, 'DecimalSI', 6n), '1080u'],
    [quantity(-9010n, 'DecimalSI', 3n), '-9010m'],
  ])('%o prints as %s', (value, text) => {
    expect(formatQuantity(value)).toBe(text);
  });

  it.each([
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['1.1Ki', '1126400m'], // fractional binary keeps its precision in DecimalSI
    ['0.5Ki', '512'],
    ['1000', '1k'],
    ['1E3', '1e3'],
    ['1.5e3', '1500'],
    ['+1k', '1k'],
    ['-1Gi', '-1Gi'],
    ['1000E', '1000E'],
    ['1e21', '1e21'],
  ])('%s canonicalizes to %s and parses back to the same value', (input, canonical) => {
    const parsed = parseQuantity(input);
    expect(formatQuantity(parsed)).toBe(canonical);
    expect(parseQuantity(canonical).nanos).toBe(parsed.nanos);
  });
});
