import { xdr, type XdrType } from '../xdr/index.ts';
import { Program } from './constants.ts';

/** Which way stream data flows after the reply (`@readstream` / `@writestream` in libvirt's protocol). */
export type StreamDirection = 'read' | 'write' | 'both';

/** One remote procedure, declared from the protocol facts: number, argument and return types. */
export interface Procedure<Args, Ret> {
  readonly name: string;
  readonly program: number;
  readonly number: number;
  readonly args: XdrType<Args>;
  readonly ret: XdrType<Ret>;
  /** `@priority: high`: the daemon may run it on its priority workers. */
  readonly highPriority: boolean;
  readonly stream: StreamDirection | null;
}

interface ProcedureSpec<Args, Ret> {
  name: string;
  number: number;
  program?: number;
  args?: XdrType<Args>;
  ret?: XdrType<Ret>;
  highPriority?: boolean;
  stream?: StreamDirection;
}

/** Declares a procedure; omitted `args`/`ret` mean void. */
export function defineProcedure<Args = undefined, Ret = undefined>(spec: ProcedureSpec<Args, Ret>): Procedure<Args, Ret> {
  return {
    name: spec.name,
    number: spec.number,
    program: spec.program ?? Program.REMOTE,
    args: spec.args ?? (xdr.void as XdrType<unknown> as XdrType<Args>),
    ret: spec.ret ?? (xdr.void as XdrType<unknown> as XdrType<Ret>),
    highPriority: spec.highPriority ?? false,
    stream: spec.stream ?? null,
  };
}
