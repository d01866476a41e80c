/** What the first bytes of an image say about it. */
export interface ImageHeader {
  isQcow2: boolean;
  /** The backing file name a qcow2 image points at, if any. */
  backingFile?: string;
}

const QCOW2_MAGIC = 0x514649fb; // 'Q' 'F' 'I' 0xfb

/**
 * Reads a qcow2 header (big-endian: magic, version, backing_file_offset u64, backing_file_size
 * u32): a user image with a backing file could make QEMU open any host file, so callers refuse
 * it. `bytes` must hold the header and, when there is one, the backing file name.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (bytes.length < 20) return { isQcow2: false };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== QCOW2_MAGIC) return { isQcow2: false };
  const offset = view.getBigUint64(8);
  const size = view.getUint32(16);
  if (offset === 0n || size === 0) return { isQcow2: true };
  const start = Number(offset);
  const name = start + size <= bytes.length ? new TextDecoder().decode(bytes.subarray(start, start + size)) : '(beyond the bytes read)';
  return { isQcow2: true, backingFile: name };
}
