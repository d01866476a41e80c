import type { Domain } from './model/domain.ts';
import { domainSpec } from './schema/domain.ts';
import { parseDocument } from './xml/parse-document.ts';
import { readElement } from './xml/read-element.ts';

/**
 * Parses a libvirt domain document into the typed model. Unknown elements and attributes are kept
 * in `unknown` bags; malformed XML and wrongly shaped values throw a `DomainXmlError` with a path.
 */
export function parseDomainXml(xml: string): Domain {
  const root = parseDocument(xml, 'domain');
  return readElement(domainSpec as never, root.node, root.name, '/domain') as unknown as Domain;
}
