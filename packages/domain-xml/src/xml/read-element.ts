// Turns one parsed element into its typed model object, following the element's spec. Whatever the
// spec does not know goes into the object's `unknown` bag with its position among siblings.
import { compileSpec } from './compiled-spec.ts';
import type { Codec } from './codecs.ts';
import { DomainXmlError } from './domain-xml-error.ts';
import type { SpecReference } from './element-spec.ts';
import { attributesOf, childrenOf, elementName, isBlank, isTextNode, textOf, toXmlElement, type FxpNode } from './fxp-node.ts';
import type { UnknownElement, UnknownXml } from './xml-node.ts';

function parseValue(codec: Codec<unknown>, raw: string, path: string): unknown {
  const value = codec.parse(raw);
  if (value === undefined) throw new DomainXmlError(path, `expected ${codec.description}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The character data of an element that must hold nothing else. */
function readTextOnly(node: FxpNode, name: string, path: string): string {
  const attributes = attributesOf(node);
  if (attributes !== undefined) {
    const first = Object.keys(attributes)[0] ?? '';
    throw new DomainXmlError(`${path}/@${first}`, 'unexpected attribute on a text-only element');
  }
  let text = '';
  for (const item of childrenOf(node, name)) {
    if (isTextNode(item)) text += textOf(item);
    else throw new DomainXmlError(`${path}/${elementName(item) ?? ''}`, 'unexpected element inside a text-only element');
  }
  return text;
}

function hasContent(node: FxpNode, name: string): boolean {
  return attributesOf(node) !== undefined || childrenOf(node, name).some((item) => !isTextNode(item) || !isBlank(textOf(item)));
}

export function readElement(reference: SpecReference<unknown>, node: FxpNode, name: string, path: string): Record<string, unknown> {
  const spec = compileSpec(reference);
  const result: Record<string, unknown> = {};
  let unknown: UnknownXml | undefined;

  const attributes = attributesOf(node);
  if (attributes !== undefined) {
    for (const attributeName in attributes) {
      const raw = attributes[attributeName] ?? '';
      const field = spec.attributes.get(attributeName);
      if (field === undefined) {
        unknown ??= {};
        (unknown.attributes ??= {})[attributeName] = raw;
      } else {
        result[field.key] = parseValue(field.codec, raw, `${path}/@${attributeName}`);
      }
    }
  }

  let text = '';
  let hadElements = false;
  let lastKnown: string | undefined;
  const listCounts = new Map<string, number>();
  for (const item of childrenOf(node, name)) {
    if (isTextNode(item)) {
      text += textOf(item);
      continue;
    }
    const childName = elementName(item);
    if (childName === undefined) continue;
    hadElements = true;
    const entry = spec.children.get(childName);
    if (entry === undefined) {
      const element: UnknownElement = lastKnown === undefined ? { element: toXmlElement(item, childName) } : { after: lastKnown, element: toXmlElement(item, childName) };
      unknown ??= {};
      (unknown.elements ??= []).push(element);
      continue;
    }
    const { key, field } = entry;
    if (field.kind === 'flag' && hasContent(item, childName)) {
      // A presence flag that carries content cannot be a boolean; keep the element whole instead.
      const element: UnknownElement = lastKnown === undefined ? { element: toXmlElement(item, childName) } : { after: lastKnown, element: toXmlElement(item, childName) };
      unknown ??= {};
      (unknown.elements ??= []).push(element);
      continue;
    }
    lastKnown = childName;
    if (field.kind === 'list') {
      const index = (listCounts.get(childName) ?? 0) + 1;
      listCounts.set(childName, index);
      const items = (result[key] ??= []) as unknown[];
      items.push(readElement(field.spec, item, childName, `${path}/${childName}[${index}]`));
      continue;
    }
    const childPath = `${path}/${childName}`;
    if (key in result) throw new DomainXmlError(childPath, 'element appears more than once, the model allows one');
    switch (field.kind) {
      case 'child':
        result[key] = readElement(field.spec, item, childName, childPath);
        break;
      case 'textChild':
        result[key] = parseValue(field.codec, readTextOnly(item, childName, childPath), childPath);
        break;
      case 'flag':
        result[key] = true;
        break;
      case 'custom':
        result[key] = field.read(toXmlElement(item, childName), childPath);
        break;
    }
  }

  if (spec.text !== undefined) {
    if (text !== '' && !(hadElements && isBlank(text))) result[spec.text.key] = parseValue(spec.text.codec, text, path);
  } else if (!isBlank(text)) {
    unknown ??= {};
    unknown.text = text;
  }
  if (unknown !== undefined) result.unknown = unknown;
  return result;
}
