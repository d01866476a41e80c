/**
 * A writer for the cpio "newc" format (magic 070701), the format the Linux
 * kernel unpacks an initramfs from. Everything is owned by root and, unless
 * told otherwise, dated 1970 so that equal inputs give byte-equal archives.
 */

/** `mode` is the permission bits only (e.g. 0o755); `mtime` is in seconds since 1970. */
export type CpioEntry =
  | { type: 'directory'; path: string; mode?: number; mtime?: number }
  | { type: 'file'; path: string; data: Uint8Array | string; mode?: number; mtime?: number }
  | { type: 'symlink'; path: string; target: string; mtime?: number }
  /** A character device node, e.g. /dev/console (5, 1), which the kernel opens before running /init. */
  | { type: 'chardev'; path: string; major: number; minor: number; mode?: number; mtime?: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;
const HEADER_SIZE = 110;
const TRAILER_NAME = 'TRAILER!!!';

interface HeaderFields {
  ino: number;
  mode: number;
  nlink: number;
  mtime: number;
  fileSize: number;
  nameSize: number;
  rdevMajor?: number;
  rdevMinor?: number;
}

/** Writes the entries, in the given order, followed by the trailer. */
export function writeCpio(entries: Iterable<CpioEntry>): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const pad = (): void => {
    const missing = (4 - (offset % 4)) % 4;
    if (missing > 0) push(Buffer.alloc(missing));
  };
  const writeRecord = (name: string, fields: Omit<HeaderFields, 'nameSize'>, data: Buffer): void => {
    const nameBytes = Buffer.from(`${name}\0`, 'utf8');
    push(header({ ...fields, nameSize: nameBytes.length }));
    push(nameBytes);
    pad();
    if (data.length > 0) {
      push(data);
      pad();
    }
  };

  // Inode numbers start at 1 and are unique, so extractors never take two
  // entries for hard links of each other.
  let ino = 1;
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = normalizeArchivePath(entry.path);
    if (seen.has(name)) throw new Error(`cpio: duplicate entry ${JSON.stringify(name)}`);
    seen.add(name);
    const mtime = entry.mtime ?? 0;
    switch (entry.type) {
      case 'directory':
        writeRecord(name, { ino: ino++, mode: S_IFDIR | permissions(entry.mode ?? 0o755), nlink: 2, mtime, fileSize: 0 }, Buffer.alloc(0));
        break;
      case 'file': {
        const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
        writeRecord(name, { ino: ino++, mode: S_IFREG | permissions(entry.mode ?? 0o644), nlink: 1, mtime, fileSize: data.length }, data);
        break;
      }
      case 'symlink': {
        const target = Buffer.from(entry.target, 'utf8');
        if (target.length === 0) throw new Error(`cpio: symlink ${name} has an empty target`);
        writeRecord(name, { ino: ino++, mode: S_IFLNK | 0o777, nlink: 1, mtime, fileSize: target.length }, target);
        break;
      }
      case 'chardev':
        writeRecord(
          name,
          { ino: ino++, mode: S_IFCHR | permissions(entry.mode ?? 0o600), nlink: 1, mtime, fileSize: 0, rdevMajor: entry.major, rdevMinor: entry.minor },
          Buffer.alloc(0),
        );
        break;
    }
  }
  writeRecord(TRAILER_NAME, { ino: 0, mode: 0, nlink: 1, mtime: 0, fileSize: 0 }, Buffer.alloc(0));
  return Buffer.concat(chunks, offset);
}

/** Archive names are relative ("bin/sh"), without "./", "//" or a trailing "/". */
export function normalizeArchivePath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) throw new Error(`cpio: empty path ${JSON.stringify(path)}`);
  if (parts.includes('..')) throw new Error(`cpio: path must not contain "..": ${JSON.stringify(path)}`);
  const name = parts.join('/');
  if (name === TRAILER_NAME) throw new Error(`cpio: ${TRAILER_NAME} is reserved`);
  return name;
}

function permissions(mode: number): number {
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) throw new Error(`cpio: bad mode ${mode}`);
  return mode;
}

function header(fields: HeaderFields): Buffer {
  const values = [
    fields.ino,
    fields.mode,
    0, // uid
    0, // gid
    fields.nlink,
    fields.mtime,
    fields.fileSize,
    0, // devmajor
    0, // devminor
    fields.rdevMajor ?? 0,
    fields.rdevMinor ?? 0,
    fields.nameSize,
    0, // check: only used by the 070702 "crc" variant
  ];
  const text = '070701' + values.map(hex8).join('');
  const buffer = Buffer.from(text, 'ascii');
  if (buffer.length !== HEADER_SIZE) throw new Error('cpio: internal header size error');
  return buffer;
}

function hex8(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Error(`cpio: header field out of range: ${value}`);
  }
  return value.toString(16).padStart(8, '0');
}
