// fast-xml-parser's `preserveOrder` output: each node is `{ [tagName]: children, ':@'?: attributes }`
// or `{ '#text': string }`. These helpers read it without trusting its shape blindly.
import type { XmlElement, XmlNode } from './xml-node.ts';

export type FxpNode = Record<string, unknown>;

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';

export function isTextNode(node: FxpNode): boolean {
  return TEXT_KEY in node;
}

export function textOf(node: FxpNode): string {
  const value = node[TEXT_KEY];
  return typeof value === 'string' ? value : String(value);
}

export function elementName(node: FxpNode): string | undefined {
  for (const key in node) {
    if (key !== ATTRIBUTES_KEY) return key;
  }
  return undefined;
}

export function attributesOf(node: FxpNode): Record<string, string> | undefined {
  return node[ATTRIBUTES_KEY] as Record<string, string> | undefined;
}

export function childrenOf(node: FxpNode, name: string): FxpNode[] {
  const children = node[name];
  return Array.isArray(children) ? (children as FxpNode[]) : [];
}

/** True when the text is only XML whitespace (indentation between elements). */
export function isBlank(value: string): boolean {
  return /^[ \t\r\n]*$/.test(value);
}

/** Converts a parsed node into a generic element; whitespace-only text between elements is dropped. */
export function toXmlElement(node: FxpNode, name: string): XmlElement {
  const element: XmlElement = { name };
  const attributes = attributesOf(node);
  if (attributes !== undefined) element.attributes = { ...attributes };
  const children: XmlNode[] = [];
  const raw = childrenOf(node, name);
  const mixed = raw.some((item) => isTextNode(item) && !isBlank(textOf(item)));
  for (const item of raw) {
    if (isTextNode(item)) {
      const value = textOf(item);
      if (mixed || !isBlank(value)) children.push({ text: value });
      continue;
    }
    const childName = elementName(item);
    if (childName !== undefined) children.push(toXmlElement(item, childName));
  }
  if (children.length > 0) element.children = children;
  return element;
}
