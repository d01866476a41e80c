import type { Codec } from './codecs.ts';
import type { XmlElement } from './xml-node.ts';

/** An XML attribute of the element. */
export interface AttributeField<V> {
  readonly kind: 'attribute';
  readonly name: string;
  readonly codec: Codec<V>;
}

/** The element's own character data. */
export interface TextField<V> {
  readonly kind: 'text';
  readonly codec: Codec<V>;
}

/** A child element that holds only character data (`<name>x</name>`). */
export interface TextChildField<V> {
  readonly kind: 'textChild';
  readonly name: string;
  readonly codec: Codec<V>;
}

/** An empty child element whose presence means `true` (`<readonly/>`). */
export interface FlagField {
  readonly kind: 'flag';
  readonly name: string;
}

/** A spec, or a function returning it for recursive elements (`backingStore`). */
export type SpecReference<V> = ElementSpec<V> | (() => ElementSpec<V>);

/** A child element that appears at most once. */
export interface ChildField<V> {
  readonly kind: 'child';
  readonly name: string;
  readonly spec: SpecReference<V>;
}

/** A child element that may repeat; the array keeps document order. */
export interface ListField<V> {
  readonly kind: 'list';
  readonly name: string;
  readonly spec: SpecReference<V>;
}

/** A child element with its own reader and writer (`<metadata>`). */
export interface CustomField<V> {
  readonly kind: 'custom';
  readonly name: string;
  read(element: XmlElement, path: string): V;
  write(value: V, path: string): XmlElement;
}

/** Which fields fit a model property of type `V` (not distributed over unions on purpose). */
export type FieldFor<V> =
  | AttributeField<V>
  | TextField<V>
  | TextChildField<V>
  | ChildField<V>
  | CustomField<V>
  | ([V] extends [boolean] ? FlagField : never)
  | ([V] extends [readonly (infer Item)[]] ? ListField<Item> : never);

/** One field spec for every property of `T` except the `unknown` bag: the compiler keeps model and spec in step. */
export type FieldsOf<T> = { readonly [K in Exclude<keyof T, 'unknown'>]-?: FieldFor<NonNullable<T[K]>> };

/** How one model interface maps to its element. Child order of `fields` is libvirt's canonical order. */
export interface ElementSpec<T> {
  readonly fields: FieldsOf<T>;
  /** Element names in output order when it depends on the value (interface `type='hostdev'`). */
  readonly order?: (value: T) => readonly string[] | undefined;
}

export function attribute<V>(name: string, codec: Codec<V>): AttributeField<V> {
  return { kind: 'attribute', name, codec };
}

export function textContent<V>(codec: Codec<V>): TextField<V> {
  return { kind: 'text', codec };
}

export function textChild<V>(name: string, codec: Codec<V>): TextChildField<V> {
  return { kind: 'textChild', name, codec };
}

export function flag(name: string): FlagField {
  return { kind: 'flag', name };
}

export function child<V>(name: string, spec: SpecReference<V>): ChildField<V> {
  return { kind: 'child', name, spec };
}

export function list<V>(name: string, spec: SpecReference<V>): ListField<V> {
  return { kind: 'list', name, spec };
}

export function defineElement<T>(fields: FieldsOf<T>, order?: (value: T) => readonly string[] | undefined): ElementSpec<T> {
  return order === undefined ? { fields } : { fields, order };
}
