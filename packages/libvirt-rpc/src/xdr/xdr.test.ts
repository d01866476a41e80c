import { describe, expect, it } from 'vitest';
import { decodeXdr, encodeXdr, xdr, XdrError } from './index.ts';

const hex = (bytes: Buffer): string => bytes.toString('hex');

describe('xdr primitives', () => {
  it('encodes int, unsigned int and bool as 4 big-endian bytes', () => {
    expect(hex(encodeXdr(xdr.int, -2))).toBe('fffffffe');
    expect(hex(encodeXdr(xdr.uint, 0x20008086))).toBe('20008086');
    expect(hex(encodeXdr(xdr.bool, true))).toBe('00000001');
    expect(decodeXdr(xdr.int, Buffer.from('fffffffe', 'hex'))).toBe(-2);
  });

  it("encodes rpcgen's char, unsigned char and unsigned short as full 4-byte ints", () => {
    expect(hex(encodeXdr(xdr.char, -1))).toBe('ffffffff');
    expect(hex(encodeXdr(xdr.uchar, 200))).toBe('000000c8');
    expect(hex(encodeXdr(xdr.ushort, 65535))).toBe('0000ffff');
    expect(() => encodeXdr(xdr.uchar, 256)).toThrow(/unsigned char: 256 is not an integer in \[0, 255\]/);
    expect(() => decodeXdr(xdr.ushort, Buffer.from('00010000', 'hex'))).toThrow(/cannot decode unsigned short: 65536/);
  });

  it('encodes hyper and unsigned hyper as 8 bytes from bigint', () => {
    expect(hex(encodeXdr(xdr.uhyper, 9_000_000n))).toBe('0000000000895440');
    expect(hex(encodeXdr(xdr.hyper, -1n))).toBe('ffffffffffffffff');
    expect(decodeXdr(xdr.uhyper, Buffer.from('ffffffffffffffff', 'hex'))).toBe(18446744073709551615n);
    expect(() => encodeXdr(xdr.uhyper, -1n)).toThrow(XdrError);
  });

  it('encodes double as IEEE 754', () => {
    expect(hex(encodeXdr(xdr.double, 1.5))).toBe('3ff8000000000000');
  });

  it('pads strings and variable opaque data to 4 bytes and enforces the bound both ways', () => {
    expect(hex(encodeXdr(xdr.string(16), 'test'))).toBe('0000000474657374');
    expect(hex(encodeXdr(xdr.string(16), 'abcde'))).toBe('000000056162636465000000');
    expect(hex(encodeXdr(xdr.opaque(8), Buffer.from([1, 2])))).toBe('000000020102' + '0000');
    expect(() => encodeXdr(xdr.string(3), 'abcd')).toThrow(/4 bytes exceed the limit of 3/);
    expect(() => decodeXdr(xdr.string(3), Buffer.from('0000000461626364', 'hex'))).toThrow(/length 4 exceeds the limit of 3/);
    expect(() => decodeXdr(xdr.string(100), Buffer.from('0000000861', 'hex'))).toThrow(/truncated/);
  });

  it('writes fixed opaque data (a UUID) without a length word', () => {
    const uuid = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    expect(hex(encodeXdr(xdr.fixedOpaque(16), uuid))).toBe('00112233445566778899aabbccddeeff');
    expect(() => encodeXdr(xdr.fixedOpaque(16), Buffer.alloc(15))).toThrow(/expected exactly 16 bytes, got 15/);
  });
});

describe('xdr composites', () => {
  const domain = xdr.struct({ name: xdr.string(64), uuid: xdr.fixedOpaque(16), id: xdr.int });

  it('lays out struct fields in order', () => {
    const bytes = encodeXdr(domain, { name: 'test', uuid: Buffer.alloc(16, 0xab), id: -1 });
    expect(hex(bytes)).toBe(`0000000474657374${'ab'.repeat(16)}ffffffff`);
    expect(decodeXdr(domain, bytes)).toEqual({ name: 'test', uuid: Buffer.alloc(16, 0xab), id: -1 });
  });

  it('encodes optional values as a presence word', () => {
    const optionalString = xdr.optional(xdr.string(10));
    expect(hex(encodeXdr(optionalString, null))).toBe('00000000');
    expect(hex(encodeXdr(optionalString, 'a'))).toBe('000000010000000161000000');
    expect(() => decodeXdr(optionalString, Buffer.from('00000002', 'hex'))).toThrow(/presence word 2/);
  });

  it('encodes variable arrays with a count and checks the bound', () => {
    expect(hex(encodeXdr(xdr.array(xdr.int, 4), [1, 2]))).toBe('000000020000000100000002');
    expect(() => encodeXdr(xdr.array(xdr.int, 1), [1, 2])).toThrow(/2 elements exceed the limit of 1/);
    expect(() => decodeXdr(xdr.array(xdr.int, 1000), Buffer.from('000003e8', 'hex'))).toThrow(/count 1000 cannot fit/);
  });

  it('names the field path of a failure', () => {
    const list = xdr.struct({ domains: xdr.array(domain, 4) });
    expect(() => encodeXdr(list, { domains: [{ name: 'a', uuid: Buffer.alloc(16), id: 1 }, { name: 'b', uuid: Buffer.alloc(3), id: 2 }] })).toThrow(
      'domains.1.uuid: cannot encode opaque[16]: expected exactly 16 bytes, got 3',
    );
  });

  it('encodes unions by discriminant and rejects unknown cases', () => {
    const value = xdr.union('sample', { 1: xdr.int, 7: xdr.string(10) });
    expect(hex(encodeXdr(value, { type: 7, value: 'x' }))).toBe('00000007' + '0000000178000000');
    expect(decodeXdr(value, Buffer.from('0000000100000005', 'hex'))).toEqual({ type: 1, value: 5 });
    expect(() => decodeXdr(value, Buffer.from('0000000300000005', 'hex'))).toThrow(/no arm for case 3 \(known: 1, 7\)/);
  });

  it('decodes node_get_info: char model[32] is 128 bytes, the reply 160', () => {
    const nodeInfo = xdr.struct({
      model: xdr.charString(32), memory: xdr.uhyper, cpus: xdr.int, mhz: xdr.int, nodes: xdr.int, sockets: xdr.int, cores: xdr.int, threads: xdr.int,
    });
    const value = { model: 'x86_64', memory: 8_388_608n, cpus: 2, mhz: 2400, nodes: 1, sockets: 1, cores: 2, threads: 1 };
    const bytes = encodeXdr(nodeInfo, value);
    expect(bytes.length).toBe(160);
    expect(hex(bytes.subarray(0, 8))).toBe('0000007800000038');
    expect(decodeXdr(nodeInfo, bytes)).toEqual(value);
  });

  it('refuses trailing bytes after a complete value', () => {
    expect(() => decodeXdr(xdr.int, Buffer.alloc(8))).toThrow(/4 unexpected trailing bytes/);
  });
});
