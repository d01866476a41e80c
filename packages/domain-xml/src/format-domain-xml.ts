import type { Domain } from './model/domain.ts';
import { QEMU_NAMESPACE } from './model/qemu.ts';
import { domainSpec } from './schema/domain.ts';
import { writeElement } from './xml/write-element.ts';

/** `qemu:` elements need the namespace declared on the root; add it when the caller did not. */
function withQemuNamespace(domain: Domain): Domain {
  const usesQemu = domain.qemuCommandline !== undefined || domain.qemuCapabilities !== undefined || (domain.unknown?.elements ?? []).some(({ element }) => element.name.startsWith('qemu:'));
  if (!usesQemu || domain.unknown?.attributes?.['xmlns:qemu'] !== undefined) return domain;
  return { ...domain, unknown: { ...domain.unknown, attributes: { ...domain.unknown?.attributes, 'xmlns:qemu': QEMU_NAMESPACE } } };
}

/**
 * Formats the typed model as libvirt domain XML: children in libvirt's canonical order, unknown
 * content back in place, every value escaped. Throws a `DomainXmlError` for values XML cannot carry.
 */
export function formatDomainXml(domain: Domain): string {
  const lines: string[] = [];
  writeElement(domainSpec as never, 'domain', withQemuNamespace(domain), 0, '/domain', lines);
  return `${lines.join('\n')}\n`;
}
