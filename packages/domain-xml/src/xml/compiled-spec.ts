// Lookup tables derived once per spec, so reading and writing do map lookups, not scans.
import type { Codec } from './codecs.ts';
import type { ElementSpec, FieldFor, SpecReference } from './element-spec.ts';

export type AnyField = FieldFor<unknown> | { readonly kind: 'flag'; readonly name: string } | { readonly kind: 'list'; readonly name: string; readonly spec: SpecReference<unknown> };
export type ChildLikeField = Exclude<AnyField, { kind: 'attribute' } | { kind: 'text' }>;

export interface CompiledSpec {
  readonly source: ElementSpec<unknown>;
  readonly attributes: ReadonlyMap<string, { readonly key: string; readonly codec: Codec<unknown> }>;
  readonly attributeList: readonly { readonly key: string; readonly name: string; readonly codec: Codec<unknown> }[];
  readonly text: { readonly key: string; readonly codec: Codec<unknown> } | undefined;
  readonly children: ReadonlyMap<string, { readonly key: string; readonly field: ChildLikeField }>;
  /** Child element names in canonical order. */
  readonly childNames: readonly string[];
}

const compiled = new WeakMap<object, CompiledSpec>();

export function resolveSpec(reference: SpecReference<unknown>): ElementSpec<unknown> {
  return typeof reference === 'function' ? reference() : reference;
}

export function compileSpec(reference: SpecReference<unknown>): CompiledSpec {
  const spec = resolveSpec(reference);
  const known = compiled.get(spec);
  if (known !== undefined) return known;
  const attributes = new Map<string, { key: string; codec: Codec<unknown> }>();
  const attributeList: { key: string; name: string; codec: Codec<unknown> }[] = [];
  const children = new Map<string, { key: string; field: ChildLikeField }>();
  const childNames: string[] = [];
  let text: CompiledSpec['text'];
  const fields = spec.fields as unknown as Record<string, AnyField>;
  for (const [key, field] of Object.entries(fields)) {
    if (field.kind === 'attribute') {
      attributes.set(field.name, { key, codec: field.codec });
      attributeList.push({ key, name: field.name, codec: field.codec });
    } else if (field.kind === 'text') {
      text = { key, codec: field.codec };
    } else {
      children.set(field.name, { key, field });
      childNames.push(field.name);
    }
  }
  const result: CompiledSpec = { source: spec, attributes, attributeList, text, children, childNames };
  compiled.set(spec, result);
  return result;
}
