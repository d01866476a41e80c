/** `2097152n` → `2Mi`, for messages in the units users write. */
export function describeBytes(bytes: bigint): string {
  for (const [suffix, size] of [['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]] as const) {
    if (bytes >= size && bytes % size === 0n) return `${String(bytes / size)}${suffix}`;
  }
  return String(bytes);
}
