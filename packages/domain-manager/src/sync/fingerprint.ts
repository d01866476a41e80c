import { createHash } from 'node:crypto';
import { formatDomainXml, parseDomainXml, type Domain, type KvmkitMetadata } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** Prefix of a fingerprint the manager computed from the XML because no plugin wrote a spec hash. */
export const XML_FINGERPRINT_PREFIX = 'xml-sha256:';

/**
 * The manager's own text elements in kvmkit's metadata, which the domain-xml model does not type,
 * so they travel among the kvmkit element's unknown children, after `specHash`:
 * - `<kvmkit:createdAt>`: when the manager first defined the domain (ISO-8601);
 * - `<kvmkit:manifest>`: the VMI as last synced (JSON), so `get -o yaml` can show it with its status.
 */
type ManagerElement = 'createdAt' | 'manifest';

// Matched by local name: libvirt may hand the element back under another namespace prefix.
function isElement(name: string, localName: ManagerElement): boolean {
  return name === localName || name.endsWith(`:${localName}`);
}

function withElement(kvmkit: KvmkitMetadata, localName: ManagerElement, text: string): KvmkitMetadata {
  const others = (kvmkit.unknown?.elements ?? []).filter((entry) => !isElement(entry.element.name, localName));
  const element = { name: `kvmkit:${localName}`, children: [{ text }] };
  return { ...kvmkit, unknown: { ...kvmkit.unknown, elements: [...others, { after: 'specHash', element }] } };
}

function elementText(kvmkit: KvmkitMetadata | undefined, localName: ManagerElement): string | undefined {
  const element = kvmkit?.unknown?.elements?.find((entry) => isElement(entry.element.name, localName))?.element;
  if (element === undefined) return undefined;
  const text = (element.children ?? []).map((node) => ('text' in node ? node.text : '')).join('').trim();
  return text === '' ? undefined : text;
}

/** The VMI as a user would read it back: identity, labels, annotations and the (defaulted) spec. */
function manifestOf(vmi: VirtualMachineInstance): string {
  const { name, namespace, uid, labels, annotations } = vmi.metadata ?? {};
  return JSON.stringify({ apiVersion: vmi.apiVersion, kind: vmi.kind, metadata: { name, namespace, uid, labels, annotations }, spec: vmi.spec });
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
  const withManifest = withElement(kvmkit, 'manifest', manifestOf(vmi));
  domain.metadata = { ...domain.metadata, kvmkit: createdAt === undefined ? withManifest : withElement(withManifest, 'createdAt', createdAt) };
  return { xml: formatDomainXml(domain), fingerprint };
}

/** What a domain's kvmkit metadata says, as libvirt returned it: identity, fingerprint, creation time, manifest. */
export function readStamp(xml: string): { vmi?: { namespace: string; name: string }; fingerprint?: string; createdAt?: string; manifest?: VirtualMachineInstance } {
  const kvmkit = parseDomainXml(xml).metadata?.kvmkit;
  const name = kvmkit?.vmi?.name;
  const createdAt = elementText(kvmkit, 'createdAt');
  const manifest = elementText(kvmkit, 'manifest');
  return {
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(manifest === undefined ? {} : { manifest: JSON.parse(manifest) as VirtualMachineInstance }),
    ...(name === undefined ? {} : { vmi: { namespace: kvmkit?.vmi?.namespace ?? 'default', name } }),
    ...(kvmkit?.specHash === undefined ? {} : { fingerprint: kvmkit.specHash }),
  };
}
