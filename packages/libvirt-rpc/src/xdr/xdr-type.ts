import type { XdrReader } from './xdr-reader.ts';
import type { XdrWriter } from './xdr-writer.ts';

/** One XDR type: how a TypeScript value of type `T` is written and read. */
export interface XdrType<T> {
  /** Human-readable XDR spelling, used in error messages, e.g. `string<4194304>`. */
  readonly description: string;
  encode(writer: XdrWriter, value: T): void;
  decode(reader: XdrReader): T;
}

/** The TypeScript value type of an XDR type. */
export type XdrValue<Type> = Type extends XdrType<infer Value> ? Value : never;
