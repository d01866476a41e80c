import { xdr, type XdrType } from '../xdr/index.ts';
import { nonnullString } from './remote-types.ts';

/** A libvirt typed parameter: a field name with a typed value (`virTypedParameter`). */
export type TypedParam =
  | { field: string; type: 'int'; value: number }
  | { field: string; type: 'uint'; value: number }
  | { field: string; type: 'llong'; value: bigint }
  | { field: string; type: 'ullong'; value: bigint }
  | { field: string; type: 'double'; value: number }
  | { field: string; type: 'boolean'; value: boolean }
  | { field: string; type: 'string'; value: string };

/** `VIR_TYPED_PARAM_STRING_OKAY`: lets older get*Parameters calls return string-typed values. */
export const TYPED_PARAM_STRING_OKAY = 4;

// `remote_typed_param_value` cases are the VIR_TYPED_PARAM_* numbers; a boolean travels as an int.
const wireValue = xdr.union('remote_typed_param_value', {
  1: xdr.int,
  2: xdr.uint,
  3: xdr.hyper,
  4: xdr.uhyper,
  5: xdr.double,
  6: xdr.int,
  7: nonnullString,
});
const wireParam = xdr.struct({ field: nonnullString, value: wireValue });
type WireParam = ReturnType<typeof wireParam.decode>;

function fromWire(param: WireParam): TypedParam {
  const { field, value } = param;
  switch (value.type) {
    case 1: return { field, type: 'int', value: value.value };
    case 2: return { field, type: 'uint', value: value.value };
    case 3: return { field, type: 'llong', value: value.value };
    case 4: return { field, type: 'ullong', value: value.value };
    case 5: return { field, type: 'double', value: value.value };
    case 6: return { field, type: 'boolean', value: value.value !== 0 };
    case 7: return { field, type: 'string', value: value.value };
  }
}

function toWire(param: TypedParam): WireParam {
  const { field } = param;
  switch (param.type) {
    case 'int': return { field, value: { type: 1, value: param.value } };
    case 'uint': return { field, value: { type: 2, value: param.value } };
    case 'llong': return { field, value: { type: 3, value: param.value } };
    case 'ullong': return { field, value: { type: 4, value: param.value } };
    case 'double': return { field, value: { type: 5, value: param.value } };
    case 'boolean': return { field, value: { type: 6, value: param.value ? 1 : 0 } };
    case 'string': return { field, value: { type: 7, value: param.value } };
  }
}

/** `remote_typed_param`. */
export const typedParam: XdrType<TypedParam> = xdr.mapped(wireParam, 'remote_typed_param', fromWire, toWire);

/** `remote_typed_param params<max>`. */
export function typedParams(max: number): XdrType<TypedParam[]> {
  return xdr.array(typedParam, max);
}

/** A plain object from a parameter list; repeated fields keep the last value. */
export function typedParamsToRecord(params: readonly TypedParam[]): Record<string, number | bigint | boolean | string> {
  const record: Record<string, number | bigint | boolean | string> = {};
  for (const param of params) record[param.field] = param.value;
  return record;
}
