/** Integer division that rounds away from zero, as Kubernetes' `inf.RoundUp` and `Value()` do. */
export function divideAwayFromZero(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  if (quotient * divisor === dividend) return quotient;
  return (dividend < 0n) !== (divisor < 0n) ? quotient - 1n : quotient + 1n;
}
