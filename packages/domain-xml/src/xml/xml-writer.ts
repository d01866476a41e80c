// Writes XML text the way libvirt does (two-space indent, single-quoted attributes) and escapes
// every value, refusing characters XML 1.0 cannot carry at all.
import { DomainXmlError } from './domain-xml-error.ts';
import type { XmlElement } from './xml-node.ts';

// Matching control characters is the point of these two patterns.
// C0 controls other than tab/newline/return, U+FFFE/U+FFFF and unpaired surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
// eslint-disable-next-line no-control-regex
const NOT_XML_LOOSE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function replace(character: string): string {
  return REPLACEMENTS[character] ?? character;
}

function checkCharacters(value: string, path: string): void {
  // The loose test is cheap and rarely matches; only then run the precise one (paired surrogates are fine).
  if (NOT_XML_LOOSE.test(value) && NOT_XML.test(value)) {
    throw new DomainXmlError(path, 'value contains a character XML 1.0 cannot represent (control character or unpaired surrogate)');
  }
}

export function escapeText(value: string, path: string): string {
  checkCharacters(value, path);
  return value.replace(TEXT_SPECIAL, replace);
}

export function escapeAttribute(value: string, path: string): string {
  checkCharacters(value, path);
  return value.replace(ATTRIBUTE_SPECIAL, replace);
}

export function checkName(name: string, path: string): string {
  if (!NAME.test(name)) throw new DomainXmlError(path, `${JSON.stringify(name)} is not a valid XML name`);
  return name;
}

export function indentation(depth: number): string {
  return '  '.repeat(depth);
}

/** Writes a generic element; mixed content is written inline so its text stays exact. */
export function writeXmlElement(element: XmlElement, depth: number, path: string, out: string[]): void {
  const name = checkName(element.name, path);
  let open = `${indentation(depth)}<${name}`;
  for (const [attributeName, value] of Object.entries(element.attributes ?? {})) {
    open += ` ${checkName(attributeName, `${path}/@${attributeName}`)}='${escapeAttribute(value, `${path}/@${attributeName}`)}'`;
  }
  const children = element.children ?? [];
  if (children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  if (children.some((node) => 'text' in node)) {
    out.push(`${open}>${writeInline(element, path)}</${name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const node of children) {
    if (!('text' in node)) writeXmlElement(node, depth + 1, `${path}/${node.name}`, out);
  }
  out.push(`${indentation(depth)}</${name}>`);
}

function writeInline(element: XmlElement, path: string): string {
  let content = '';
  for (const node of element.children ?? []) {
    if ('text' in node) {
      content += escapeText(node.text, path);
      continue;
    }
    const childPath = `${path}/${node.name}`;
    const name = checkName(node.name, childPath);
    let open = `<${name}`;
    for (const [attributeName, value] of Object.entries(node.attributes ?? {})) {
      open += ` ${checkName(attributeName, `${childPath}/@${attributeName}`)}='${escapeAttribute(value, `${childPath}/@${attributeName}`)}'`;
    }
    content += node.children === undefined || node.children.length === 0 ? `${open}/>` : `${open}>${writeInline(node, childPath)}</${name}>`;
  }
  return content;
}
