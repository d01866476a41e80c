import { createHash } from 'node:crypto';
import { formatDomainXml, parseDomainXml, type Domain } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** Prefix of a fingerprint the manager computed from the XML because no plugin wrote a spec hash. */
export const XML_FINGERPRINT_PREFIX = 'xml-sha256:';

/**
 * Makes sure the domain carries what sync and adoption need in its kvmkit metadata: the VMI's
 * identity and a fingerprint. The fingerprint is plugin-base's spec hash when present, else a
 * hash of the converted XML (normalized by the formatter, metadata excluded). Returns the XML
 * to define.
 */
export function stampDomain(domain: Domain, vmi: VirtualMachineInstance): { xml: string; fingerprint: string } {
  const kvmkit = { ...domain.metadata?.kvmkit };
  kvmkit.vmi ??= {
    namespace: vmi.metadata?.namespace ?? 'default',
    name: vmi.metadata?.name ?? '',
    ...(vmi.metadata?.uid === undefined ? {} : { uid: vmi.metadata.uid }),
  };
  if (kvmkit.specHash === undefined) {
    const withoutMetadata: Domain = { ...domain };
    delete withoutMetadata.metadata;
    kvmkit.specHash = XML_FINGERPRINT_PREFIX + createHash('sha256').update(formatDomainXml(withoutMetadata)).digest('hex');
  }
  domain.metadata = { ...domain.metadata, kvmkit };
  return { xml: formatDomainXml(domain), fingerprint: kvmkit.specHash };
}

/** The kvmkit identity and fingerprint of a domain as libvirt returned it, when it has them. */
export function readStamp(xml: string): { vmi?: { namespace: string; name: string }; fingerprint?: string } {
  const kvmkit = parseDomainXml(xml).metadata?.kvmkit;
  const name = kvmkit?.vmi?.name;
  return {
    ...(name === undefined ? {} : { vmi: { namespace: kvmkit?.vmi?.namespace ?? 'default', name } }),
    ...(kvmkit?.specHash === undefined ? {} : { fingerprint: kvmkit.specHash }),
  };
}
