import { createHash } from 'node:crypto';
import { formatDomainXml, parseDomainXml, type Domain, type KvmkitMetadata } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** Prefix of a fingerprint the manager computed from the XML because no plugin wrote a spec hash. */
export const XML_FINGERPRINT_PREFIX = 'xml-sha256:';

/**
 * `<kvmkit:createdAt>`: when the manager first defined the domain (ISO-8601). The domain-xml model
 * does not type it, so it travels among the kvmkit element's unknown children, after `specHash`.
 */
const CREATED_AT_ELEMENT = 'kvmkit:createdAt';

// Matched by local name: libvirt may hand the element back under another namespace prefix.
function isCreatedAt(name: string): boolean {
  return name === 'createdAt' || name.endsWith(':createdAt');
}

function withCreatedAt(kvmkit: KvmkitMetadata, createdAt: string): KvmkitMetadata {
  const others = (kvmkit.unknown?.elements ?? []).filter((entry) => !isCreatedAt(entry.element.name));
  const element = { name: CREATED_AT_ELEMENT, children: [{ text: createdAt }] };
  return { ...kvmkit, unknown: { ...kvmkit.unknown, elements: [...others, { after: 'specHash', element }] } };
}

function createdAtOf(kvmkit: KvmkitMetadata | undefined): string | undefined {
  const element = kvmkit?.unknown?.elements?.find((entry) => isCreatedAt(entry.element.name))?.element;
  if (element === undefined) return undefined;
  const text = (element.children ?? []).map((node) => ('text' in node ? node.text : '')).join('').trim();
  return text === '' ? undefined : text;
}

/**
 * Makes sure the domain carries what sync and adoption need in its kvmkit metadata: the VMI's
 * identity and a fingerprint. The fingerprint is plugin-base's spec hash when present, else a
 * hash of the converted XML (normalized by the formatter, metadata excluded). Returns the XML
 * to define. `createdAt` is the manager's own record of when it first defined the domain: passed
 * on every define (carried over from the defined XML) so a redefinition keeps it; absent for an
 * adopted domain that never had one.
 */
export function stampDomain(domain: Domain, vmi: VirtualMachineInstance, createdAt?: string): { xml: string; fingerprint: string } {
  const kvmkit: KvmkitMetadata = { ...domain.metadata?.kvmkit };
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
  const fingerprint = kvmkit.specHash;
  domain.metadata = { ...domain.metadata, kvmkit: createdAt === undefined ? kvmkit : withCreatedAt(kvmkit, createdAt) };
  return { xml: formatDomainXml(domain), fingerprint };
}

/** The kvmkit identity, fingerprint and creation time of a domain as libvirt returned it, when it has them. */
export function readStamp(xml: string): { vmi?: { namespace: string; name: string }; fingerprint?: string; createdAt?: string } {
  const kvmkit = parseDomainXml(xml).metadata?.kvmkit;
  const name = kvmkit?.vmi?.name;
  const createdAt = createdAtOf(kvmkit);
  return {
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(name === undefined ? {} : { vmi: { namespace: kvmkit?.vmi?.namespace ?? 'default', name } }),
    ...(kvmkit?.specHash === undefined ? {} : { fingerprint: kvmkit.specHash }),
  };
}
