import type { Volume } from '@kvmkit/vmi';

/** The source kind of a VMI volume: its one key besides `name` (`emptyDisk`, `containerDisk`, …). */
export function volumeKind(volume: Volume): string | undefined {
  return Object.keys(volume).find((key) => key !== 'name' && (volume as unknown as Record<string, unknown>)[key] !== undefined);
}
