import { quantityToBytes, tryParseQuantity } from '@kvmkit/vmi';

/**
 * A quantity field in bytes, or undefined when it is absent or malformed. Admission rules read the
 * VMI as given, so a malformed value is the core `quantities` rule's to report, not ours.
 */
export function bytesOf(value: unknown): bigint | undefined {
  const parsed = tryParseQuantity(value);
  return parsed.ok ? quantityToBytes(parsed.quantity) : undefined;
}
