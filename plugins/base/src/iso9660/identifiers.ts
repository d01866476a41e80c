import { ascii, ucs2be } from './byte-writer.ts';

/** How a hierarchy spells names: the primary one in ISO 9660 characters, Joliet's in UCS-2. */
export interface NameEncoding {
  directory(name: string): Uint8Array;
  file(name: string): Uint8Array;
  /** Text fields of the volume descriptor (volume identifier, …). */
  descriptorText(text: string): Uint8Array;
}

/**
 * Primary names: upper case, other characters than `A-Z 0-9 _ . -` become `_`, files end in
 * `;1` and have a `.` (ISO 9660 7.5.1). Linux shows them lower case without `;1` and without a
 * trailing dot (`USER-DATA.;1` → `user-data`); readers that want case use Joliet.
 */
export const primaryEncoding: NameEncoding = {
  directory: (name) => ascii(name.toUpperCase().replace(/[^A-Z0-9_-]/g, '_')),
  file(name) {
    const upper = name.toUpperCase().replace(/[^A-Z0-9_.-]/g, '_');
    return ascii(`${upper.includes('.') ? upper : `${upper}.`};1`);
  },
  descriptorText: (text) => ascii(text),
};

/** Joliet names: the name as given, in UCS-2 big-endian; files end in `;1`. */
export const jolietEncoding: NameEncoding = {
  directory: (name) => ucs2be(name),
  file: (name) => ucs2be(`${name};1`),
  descriptorText: (text) => ucs2be(text),
};

/** Orders identifiers byte-wise, as ISO 9660 sorts directory records. */
export function compareIdentifiers(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
