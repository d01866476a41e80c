import { describe, expect, it } from 'vitest';
import { decodeXdr, encodeXdr } from '../xdr/index.ts';
import { typedParam, typedParams, typedParamsToRecord } from './typed-param.ts';

describe('remote_typed_param', () => {
  it('encodes field, int discriminant and value byte for byte', () => {
    expect(encodeXdr(typedParam, { field: 'a', type: 'ullong', value: 5n }).toString('hex')).toBe('0000000161000000' + '00000004' + '0000000000000005');
    expect(encodeXdr(typedParam, { field: 'ok', type: 'boolean', value: true }).toString('hex')).toBe('000000026f6b0000' + '00000006' + '00000001');
    expect(encodeXdr(typedParam, { field: 's', type: 'string', value: 'hi' }).toString('hex')).toBe('0000000173000000' + '00000007' + '0000000268690000');
  });

  it('round-trips every value type', () => {
    const params = typedParams(16);
    const values = [
      { field: 'state.state', type: 'int', value: -3 },
      { field: 'vcpu.current', type: 'uint', value: 4 },
      { field: 'cpu.time', type: 'llong', value: -9n },
      { field: 'balloon.current', type: 'ullong', value: 1n << 40n },
      { field: 'load.1m', type: 'double', value: 0.25 },
      { field: 'ok', type: 'boolean', value: false },
      { field: 'os.id', type: 'string', value: 'debian' },
    ] as const;
    const decoded = decodeXdr(params, encodeXdr(params, [...values]));
    expect(decoded).toEqual(values);
    expect(typedParamsToRecord(decoded)['os.id']).toBe('debian');
  });

  it('rejects an unknown value type with its number', () => {
    expect(() => decodeXdr(typedParam, Buffer.from('0000000161000000' + '00000009' + '00000000', 'hex'))).toThrow(/value: cannot decode union remote_typed_param_value: no arm for case 9/);
  });
});
