// Test helper: a document as a comparable tree (elements, attributes, trimmed text), so two
// documents can be compared ignoring whitespace and attribute order.
import { XMLParser } from 'fast-xml-parser';

export interface TreeNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: TreeNode[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still supported in v5; decodes numeric character references, which the tests cover
  htmlEntities: true,
  ignoreDeclaration: true,
});

function toTree(node: Node): TreeNode {
  const name = Object.keys(node).find((key) => key !== ':@') ?? '';
  const attributes = Object.fromEntries(Object.entries((node[':@'] ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)));
  let text = '';
  const children: TreeNode[] = [];
  for (const item of node[name] as Node[]) {
    if ('#text' in item) text += String(item['#text']);
    else children.push(toTree(item));
  }
  return { name, attributes, text: text.trim(), children };
}

export function xmlTree(xml: string): TreeNode {
  const nodes = parser.parse(xml) as Node[];
  const root = nodes.find((node) => !('#text' in node));
  if (root === undefined) throw new Error('no root element');
  return toTree(root);
}
