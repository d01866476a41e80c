import type { Readable, Writable } from 'node:stream';

/** The terminal an interactive command talks to: raw bytes in and out (process.stdin/stdout in the binary). */
export interface TerminalIo {
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: Writable;
}
