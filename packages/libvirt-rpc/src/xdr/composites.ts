import { char } from './primitives.ts';
import { atField, XdrError } from './xdr-error.ts';
import type { XdrType, XdrValue } from './xdr-type.ts';

type FieldTypes = Record<string, XdrType<unknown>>;
type StructValue<Fields extends FieldTypes> = { [Name in keyof Fields]: XdrValue<Fields[Name]> };

/** XDR `struct`: fields in declaration order, no separators. Errors name the field path. */
export function struct<Fields extends FieldTypes>(fields: Fields): XdrType<StructValue<Fields>> {
  const entries = Object.entries(fields);
  const description = `struct { ${entries.map(([name, type]) => `${type.description} ${name}`).join('; ')} }`;
  return {
    description,
    encode: (writer, value) => {
      const candidate: unknown = value;
      if (typeof candidate !== 'object' || candidate === null) throw new XdrError(`cannot encode ${description}: a ${typeof candidate} is not an object`);
      for (const [name, type] of entries) {
        atField(name, () => { type.encode(writer, (value as Record<string, unknown>)[name]); });
      }
    },
    decode: (reader) => {
      const value: Record<string, unknown> = {};
      for (const [name, type] of entries) value[name] = atField(name, () => type.decode(reader));
      return value as StructValue<Fields>;
    },
  };
}

/** XDR variable array `T x<max>`: count word, then the elements. The bound is checked both ways. */
export function array<T>(element: XdrType<T>, max: number): XdrType<T[]> {
  const description = `${element.description}<${max}>`;
  return {
    description,
    encode: (writer, values) => {
      if (!Array.isArray(values)) throw new XdrError(`cannot encode ${description}: not an array`);
      if (values.length > max) throw new XdrError(`cannot encode ${description}: ${values.length} elements exceed the limit of ${max}`);
      writer.writeUint32(values.length);
      values.forEach((value, index) => { atField(String(index), () => { element.encode(writer, value); }); });
    },
    decode: (reader) => {
      const count = reader.readUint32();
      if (count > max) throw new XdrError(`cannot decode ${description}: count ${count} exceeds the limit of ${max}`);
      // Every element takes at least 4 bytes: refuse counts the packet cannot hold before allocating.
      if (count * 4 > reader.remaining && element.description !== 'void') {
        throw new XdrError(`cannot decode ${description}: count ${count} cannot fit in the ${reader.remaining} bytes left`);
      }
      const values: T[] = new Array<T>(count);
      for (let index = 0; index < count; index++) values[index] = atField(String(index), () => element.decode(reader));
      return values;
    },
  };
}

/** XDR fixed array `T x[size]`: exactly `size` elements, no count word. */
export function fixedArray<T>(element: XdrType<T>, size: number): XdrType<T[]> {
  const description = `${element.description}[${size}]`;
  return {
    description,
    encode: (writer, values) => {
      if (!Array.isArray(values) || values.length !== size) {
        throw new XdrError(`cannot encode ${description}: expected exactly ${size} elements, got ${Array.isArray(values) ? String(values.length) : typeof values}`);
      }
      values.forEach((value, index) => { atField(String(index), () => { element.encode(writer, value); }); });
    },
    decode: (reader) => {
      const values: T[] = new Array<T>(size);
      for (let index = 0; index < size; index++) values[index] = atField(String(index), () => element.decode(reader));
      return values;
    },
  };
}

/** XDR optional `T *`: a 0/1 word, then the value when present. Absent is `null`. */
export function optional<T>(inner: XdrType<T>): XdrType<T | null> {
  const description = `${inner.description} *`;
  return {
    description,
    encode: (writer, value) => {
      if (value === null || value === undefined) {
        writer.writeUint32(0);
        return;
      }
      writer.writeUint32(1);
      inner.encode(writer, value);
    },
    decode: (reader) => {
      const present = reader.readUint32();
      if (present === 0) return null;
      if (present !== 1) throw new XdrError(`cannot decode ${description}: presence word ${present} is neither 0 nor 1`);
      return inner.decode(reader);
    },
  };
}

type ArmTypes = Record<number, XdrType<unknown>>;
/** The value of `union switch (int)`: the discriminant and the arm's value. */
export type UnionValue<Arms extends ArmTypes> = { [Case in keyof Arms & number]: { type: Case; value: XdrValue<Arms[Case]> } }[keyof Arms & number];

/** XDR `union switch (int type)` with one arm per case; unknown cases fail with the case number. */
export function union<Arms extends ArmTypes>(name: string, arms: Arms): XdrType<UnionValue<Arms>> {
  const description = `union ${name}`;
  const lookup = new Map<number, XdrType<unknown>>(Object.entries(arms).map(([key, type]) => [Number(key), type]));
  const armFor = (type: number, action: string): XdrType<unknown> => {
    const arm = lookup.get(type);
    if (arm === undefined) throw new XdrError(`cannot ${action} ${description}: no arm for case ${String(type)} (known: ${[...lookup.keys()].join(', ')})`);
    return arm;
  };
  return {
    description,
    encode: (writer, value) => {
      const arm = armFor(value.type, 'encode');
      writer.writeInt32(value.type);
      atField('value', () => { arm.encode(writer, value.value); });
    },
    decode: (reader) => {
      const type = reader.readInt32();
      const value = atField('value', () => armFor(type, 'decode').decode(reader));
      return { type, value } as UnionValue<Arms>;
    },
  };
}

/** A wire type seen through a different TypeScript shape (e.g. a union as a friendlier object). */
export function mapped<Wire, Value>(wire: XdrType<Wire>, description: string, fromWire: (value: Wire) => Value, toWire: (value: Value) => Wire): XdrType<Value> {
  return {
    description,
    encode: (writer, value) => { wire.encode(writer, toWire(value)); },
    decode: (reader) => fromWire(wire.decode(reader)),
  };
}

/** rpcgen's `char x[size]` holding text: `size` 4-byte chars, read up to the first NUL. */
export function charString(size: number): XdrType<string> {
  return mapped(
    fixedArray(char, size),
    `char[${size}]`,
    (codes) => {
      const end = codes.indexOf(0);
      return Buffer.from((end === -1 ? codes : codes.slice(0, end)).map((code) => code & 0xff)).toString('latin1');
    },
    (text) => {
      const bytes = Buffer.from(text, 'latin1');
      if (bytes.length > size) throw new XdrError(`cannot encode char[${size}]: ${bytes.length} characters do not fit`);
      return Array.from({ length: size }, (_, index) => (index < bytes.length ? ((bytes[index] ?? 0) << 24) >> 24 : 0));
    },
  );
}
