import type { ScaledInteger } from '@kvmkit/domain-xml';

/** libvirt's memory units (virScaleInteger): single letters and `iB` are powers of 1024, `B` suffixes powers of 1000. */
const UNIT_BYTES: Readonly<Record<string, bigint>> = {
  b: 1n, bytes: 1n,
  kb: 1000n, k: 1024n, kib: 1024n,
  mb: 1000n ** 2n, m: 1024n ** 2n, mib: 1024n ** 2n,
  gb: 1000n ** 3n, g: 1024n ** 3n, gib: 1024n ** 3n,
  tb: 1000n ** 4n, t: 1024n ** 4n, tib: 1024n ** 4n,
  pb: 1000n ** 5n, p: 1024n ** 5n, pib: 1024n ** 5n,
  eb: 1000n ** 6n, e: 1024n ** 6n, eib: 1024n ** 6n,
};

/** A libvirt size in bytes; memory sizes without a unit are KiB. */
export function scaledBytes(size: ScaledInteger | undefined, defaultUnit = 'KiB'): bigint | undefined {
  if (size === undefined) return undefined;
  const unit = (size.unit ?? defaultUnit).toLowerCase();
  const factor = UNIT_BYTES[unit];
  if (factor === undefined) throw new RangeError(`unknown libvirt memory unit '${size.unit ?? defaultUnit}'`);
  return BigInt(size.value) * factor;
}
