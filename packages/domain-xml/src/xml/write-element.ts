// Writes one typed model object as its element: known attributes, then unknown ones; known
// children in canonical order with each unknown child right after the known sibling it followed.
import { compileSpec, type CompiledSpec } from './compiled-spec.ts';
import type { Codec } from './codecs.ts';
import { DomainXmlError } from './domain-xml-error.ts';
import type { SpecReference } from './element-spec.ts';
import type { UnknownElement, UnknownXml } from './xml-node.ts';
import { checkName, escapeAttribute, escapeText, indentation, writeXmlElement } from './xml-writer.ts';

function formatValue(codec: Codec<unknown>, value: unknown, path: string): string {
  try {
    return codec.format(value);
  } catch (error) {
    throw new DomainXmlError(path, error instanceof Error ? error.message : String(error));
  }
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DomainXmlError(path, 'expected an object');
  return value as Record<string, unknown>;
}

function writeChildGroup(spec: CompiledSpec, name: string, object: Record<string, unknown>, depth: number, path: string, out: string[]): void {
  const entry = spec.children.get(name);
  if (entry === undefined) return;
  const value = object[entry.key];
  if (value === undefined) return;
  const { field } = entry;
  const childPath = `${path}/${name}`;
  switch (field.kind) {
    case 'list': {
      if (!Array.isArray(value)) throw new DomainXmlError(childPath, `expected an array for ${entry.key}`);
      value.forEach((item, index) => {
        writeElement(field.spec, name, item, depth, `${childPath}[${index + 1}]`, out);
      });
      return;
    }
    case 'child':
      writeElement(field.spec, name, value, depth, childPath, out);
      return;
    case 'textChild': {
      const content = escapeText(formatValue(field.codec, value, childPath), childPath);
      out.push(content === '' ? `${indentation(depth)}<${name}/>` : `${indentation(depth)}<${name}>${content}</${name}>`);
      return;
    }
    case 'flag':
      if (value === true) out.push(`${indentation(depth)}<${name}/>`);
      return;
    case 'custom':
      writeXmlElement(field.write(value, childPath), depth, childPath, out);
      return;
  }
}

function writeUnknown(elements: readonly UnknownElement[], depth: number, path: string, out: string[]): void {
  for (const { element } of elements) writeXmlElement(element, depth, `${path}/${element.name}`, out);
}

export function writeElement(reference: SpecReference<unknown>, name: string, value: unknown, depth: number, path: string, out: string[]): void {
  const spec = compileSpec(reference);
  const object = asObject(value, path);
  const unknown = object.unknown as UnknownXml | undefined;

  let open = `${indentation(depth)}<${name}`;
  for (const { key, name: attributeName, codec } of spec.attributeList) {
    const attributeValue = object[key];
    if (attributeValue === undefined) continue;
    const attributePath = `${path}/@${attributeName}`;
    open += ` ${attributeName}='${escapeAttribute(formatValue(codec, attributeValue, attributePath), attributePath)}'`;
  }
  if (unknown?.attributes !== undefined) {
    for (const [attributeName, attributeValue] of Object.entries(unknown.attributes)) {
      const attributePath = `${path}/@${attributeName}`;
      open += ` ${checkName(attributeName, attributePath)}='${escapeAttribute(attributeValue, attributePath)}'`;
    }
  }

  let text = '';
  if (spec.text !== undefined) {
    const textValue = object[spec.text.key];
    if (textValue !== undefined) text = escapeText(formatValue(spec.text.codec, textValue, path), path);
  } else if (unknown?.text !== undefined) {
    text = escapeText(unknown.text, path);
  }

  const start = out.length;
  out.push('');
  const unknownElements = unknown?.elements ?? [];
  const order = spec.source.order?.(object) ?? spec.childNames;
  if (unknownElements.length === 0) {
    for (const childName of order) writeChildGroup(spec, childName, object, depth + 1, path, out);
  } else {
    const placed = new Set<UnknownElement>();
    const after = (anchor: string | undefined): UnknownElement[] => {
      const matching = unknownElements.filter((element) => element.after === anchor);
      for (const element of matching) placed.add(element);
      return matching;
    };
    writeUnknown(after(undefined), depth + 1, path, out);
    for (const childName of order) {
      writeChildGroup(spec, childName, object, depth + 1, path, out);
      writeUnknown(after(childName), depth + 1, path, out);
    }
    writeUnknown(
      unknownElements.filter((element) => !placed.has(element)),
      depth + 1,
      path,
      out,
    );
  }

  if (out.length === start + 1) {
    out[start] = text === '' ? `${open}/>` : `${open}>${text}</${name}>`;
  } else {
    out[start] = `${open}>${text}`;
    out.push(`${indentation(depth)}</${name}>`);
  }
}
