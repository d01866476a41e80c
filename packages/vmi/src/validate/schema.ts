/**
 * A small description of the VMI fields kvmkit checks for type and allowed values. Objects with
 * `fields` are closed: a key not listed is reported (a typo Kubernetes would refuse), unless
 * `open` says the listing is partial.
 */
export type FieldSchema =
  | { readonly kind: 'string'; readonly values?: readonly string[]; readonly pattern?: RegExp; readonly patternReason?: string }
  | { readonly kind: 'integer'; readonly minimum?: number; readonly maximum?: number }
  | { readonly kind: 'boolean' }
  /** A Kubernetes quantity: string or number here; its form is the quantity rule's business. */
  | { readonly kind: 'quantity' }
  | {
      readonly kind: 'object';
      readonly fields?: Readonly<Record<string, FieldSchema>>;
      readonly required?: readonly string[];
      /** Schema of every value, for maps like `nodeSelector` or `resources.requests`. */
      readonly values?: FieldSchema;
      readonly open?: boolean;
    }
  | { readonly kind: 'array'; readonly items: FieldSchema }
  | { readonly kind: 'any' };

export const ANY: FieldSchema = { kind: 'any' };
export const STRING: FieldSchema = { kind: 'string' };
export const BOOLEAN: FieldSchema = { kind: 'boolean' };
export const INTEGER: FieldSchema = { kind: 'integer' };
export const QUANTITY: FieldSchema = { kind: 'quantity' };
export const OBJECT: FieldSchema = { kind: 'object', open: true };

export function oneOf(...values: string[]): FieldSchema {
  return { kind: 'string', values };
}

export function closed(fields: Record<string, FieldSchema>, required: readonly string[] = []): FieldSchema {
  return { kind: 'object', fields, required };
}

export function listOf(items: FieldSchema): FieldSchema {
  return { kind: 'array', items };
}

export function mapOf(values: FieldSchema): FieldSchema {
  return { kind: 'object', values };
}
