// Parses XML text with fast-xml-parser (after its validator, so malformed input fails clearly)
// and returns the single root element in preserve-order form.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainXmlError } from './domain-xml-error.ts';
import { elementName, isTextNode, type FxpNode } from './fxp-node.ts';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still supported in v5; decodes numeric character references, which the tests cover
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export interface RootElement {
  node: FxpNode;
  name: string;
}

export function parseDocument(xml: string, expectedRoot: string | undefined): RootElement {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still shipped in fast-xml-parser 5; gives line and column for malformed input
  const validation = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new DomainXmlError('/', `malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  const nodes = parser.parse(xml) as FxpNode[];
  const roots: RootElement[] = [];
  for (const node of nodes) {
    if (isTextNode(node)) continue;
    const name = elementName(node);
    if (name !== undefined && !name.startsWith('?')) roots.push({ node, name });
  }
  const root = roots[0];
  if (root === undefined || roots.length > 1) throw new DomainXmlError('/', 'expected exactly one root element');
  if (expectedRoot !== undefined && root.name !== expectedRoot) {
    throw new DomainXmlError(`/${root.name}`, `expected the root element <${expectedRoot}>`);
  }
  return root;
}
