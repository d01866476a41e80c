// `<metadata>` holds other applications' namespaced elements; kvmkit's own element is typed.
import { KVMKIT_METADATA_NAMESPACE, type KvmkitMetadata, type KvmkitVmiIdentity, type Metadata } from '../model/domain.ts';
import type { CustomField } from '../xml/element-spec.ts';
import type { UnknownElement, XmlElement, XmlNode } from '../xml/xml-node.ts';

const KVMKIT_PREFIX = 'kvmkit';

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function isKvmkitElement(element: XmlElement): boolean {
  const colon = element.name.indexOf(':');
  const declaration = colon === -1 ? 'xmlns' : `xmlns:${element.name.slice(0, colon)}`;
  return element.attributes?.[declaration] === KVMKIT_METADATA_NAMESPACE;
}

function textOf(element: XmlElement): string {
  return (element.children ?? []).map((node) => ('text' in node ? node.text : '')).join('');
}

function readKvmkit(element: XmlElement): KvmkitMetadata {
  const result: KvmkitMetadata = {};
  const unknown: UnknownElement[] = [];
  let lastKnown: string | undefined;
  for (const node of element.children ?? []) {
    if ('text' in node) continue;
    const name = localName(node.name);
    if (name === 'vmi' && result.vmi === undefined) {
      const attributes = node.attributes ?? {};
      const vmi: KvmkitVmiIdentity = {};
      if (attributes.namespace !== undefined) vmi.namespace = attributes.namespace;
      if (attributes.name !== undefined) vmi.name = attributes.name;
      if (attributes.uid !== undefined) vmi.uid = attributes.uid;
      result.vmi = vmi;
      lastKnown = 'vmi';
    } else if (name === 'specHash' && result.specHash === undefined) {
      result.specHash = textOf(node);
      lastKnown = 'specHash';
    } else {
      unknown.push(lastKnown === undefined ? { element: node } : { after: lastKnown, element: node });
    }
  }
  if (unknown.length > 0) result.unknown = { elements: unknown };
  return result;
}

function writeKvmkit(metadata: KvmkitMetadata): XmlElement {
  const children: XmlNode[] = [];
  const unknown = metadata.unknown?.elements ?? [];
  const place = (anchor: string | undefined): void => {
    for (const entry of unknown) if (entry.after === anchor) children.push(entry.element);
  };
  place(undefined);
  if (metadata.vmi !== undefined) {
    const attributes: Record<string, string> = {};
    if (metadata.vmi.namespace !== undefined) attributes.namespace = metadata.vmi.namespace;
    if (metadata.vmi.name !== undefined) attributes.name = metadata.vmi.name;
    if (metadata.vmi.uid !== undefined) attributes.uid = metadata.vmi.uid;
    children.push({ name: `${KVMKIT_PREFIX}:vmi`, attributes });
  }
  place('vmi');
  if (metadata.specHash !== undefined) children.push({ name: `${KVMKIT_PREFIX}:specHash`, children: [{ text: metadata.specHash }] });
  place('specHash');
  return { name: `${KVMKIT_PREFIX}:domain`, attributes: { [`xmlns:${KVMKIT_PREFIX}`]: KVMKIT_METADATA_NAMESPACE }, children };
}

export const metadataField: CustomField<Metadata> = {
  kind: 'custom',
  name: 'metadata',
  read(element) {
    const metadata: Metadata = {};
    for (const node of element.children ?? []) {
      if ('text' in node) continue;
      if (metadata.kvmkit === undefined && isKvmkitElement(node)) metadata.kvmkit = readKvmkit(node);
      else (metadata.elements ??= []).push(node);
    }
    if (element.attributes !== undefined) metadata.unknown = { attributes: element.attributes };
    return metadata;
  },
  write(metadata) {
    const children: XmlNode[] = [];
    if (metadata.kvmkit !== undefined) children.push(writeKvmkit(metadata.kvmkit));
    children.push(...(metadata.elements ?? []));
    const element: XmlElement = { name: 'metadata', children };
    if (metadata.unknown?.attributes !== undefined) element.attributes = metadata.unknown.attributes;
    return element;
  },
};
