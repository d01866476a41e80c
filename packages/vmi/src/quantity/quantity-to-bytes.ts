import { divideAwayFromZero } from './divide-away-from-zero.ts';
import { parseQuantity } from './parse-quantity.ts';
import { NANOS_PER_UNIT, type Quantity } from './quantity.ts';

/**
 * The whole-unit value, rounded away from zero as Kubernetes' `Quantity.Value()` does: a memory
 * size of `1.5` or `0.1Ki` (102.4) is 2 or 103 bytes, never less than asked for.
 */
export function quantityToBytes(quantity: Quantity | string | number): bigint {
  const parsed = typeof quantity === 'object' ? quantity : parseQuantity(quantity);
  return divideAwayFromZero(parsed.nanos, NANOS_PER_UNIT);
}

/** Thousandths, rounded away from zero as `Quantity.MilliValue()` does: CPU `1.5` → 1500, `100m` → 100. */
export function quantityToMillis(quantity: Quantity | string | number): bigint {
  const parsed = typeof quantity === 'object' ? quantity : parseQuantity(quantity);
  return divideAwayFromZero(parsed.nanos, 1_000_000n);
}
