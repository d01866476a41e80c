import type { FirmwareImage, HostCapabilities } from '@kvmkit/core';
import { XMLParser } from 'fast-xml-parser';

type XmlObject = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  // Elements that repeat in libvirt's capability documents are always arrays, even when single.
  isArray: (name) => ['value', 'enum', 'model', 'machine', 'guest', 'pages', 'mode', 'arch'].includes(name),
});

function child(node: unknown, name: string): XmlObject | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlObject)[name];
  if (Array.isArray(value)) return value[0] as XmlObject | undefined;
  return typeof value === 'object' && value !== null ? (value as XmlObject) : undefined;
}

function children(node: unknown, name: string): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlObject)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of the first `name` child, whether the parser made it a string or an object. */
function childText(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlObject)[name];
  return text(Array.isArray(value) ? value[0] : value);
}

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'object' && node !== null) {
    const value = (node as XmlObject)['#text'];
    return typeof value === 'string' ? value.trim() : undefined;
  }
  return undefined;
}

function attribute(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlObject)[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function supported(node: unknown): boolean {
  return attribute(node, 'supported') === 'yes';
}

/** What a firmware descriptor (QEMU's `firmware/*.json`) says about one code image. */
export interface FirmwareDescriptorFacts {
  secureBoot: boolean;
  varsTemplate?: string;
}

/**
 * Host capabilities from libvirt's domain capabilities XML (`virConnectGetDomainCapabilities`)
 * and, for the machine list and huge page sizes, the host capabilities XML
 * (`virConnectGetCapabilities`). `firmwareFacts` adds what only QEMU's firmware descriptors
 * know (secure boot, the variables template) for a code image path.
 */
export function parseHostCapabilities(
  domainCapabilitiesXml: string,
  capabilitiesXml: string | undefined,
  firmwareFacts: (codePath: string) => FirmwareDescriptorFacts | undefined = () => undefined,
): HostCapabilities {
  const root = child(parser.parse(domainCapabilitiesXml), 'domainCapabilities');
  if (root === undefined) throw new Error('domain capabilities XML has no <domainCapabilities> root');
  const emulator = childText(root, 'path');
  const arch = childText(root, 'arch');
  const domainType = childText(root, 'domain');
  const maxVcpusText = attribute(child(root, 'vcpu'), 'max');
  const loader = child(child(root, 'os'), 'loader');
  const loaderPaths = supported(loader) ? children(loader, 'value').map(text).filter((path): path is string => path !== undefined && path !== '') : [];
  const efiFirmware: FirmwareImage[] = loaderPaths.map((code) => {
    const facts = firmwareFacts(code);
    const secureBoot = facts?.secureBoot ?? /secboot|\.ms\.fd$|\.secure\./.test(code);
    return { code, secureBoot, ...(facts?.varsTemplate === undefined ? {} : { varsTemplate: facts.varsTemplate }) };
  });
  const features = child(root, 'features');
  const cpuModes = children(child(root, 'cpu'), 'mode');
  const customMode = cpuModes.find((mode) => attribute(mode, 'name') === 'custom');
  const cpuModels = supported(customMode)
    ? children(customMode, 'model').filter((model) => attribute(model, 'usable') !== 'no').map(text).filter((name): name is string => name !== undefined)
    : [];
  const machines = new Set<string>();
  const defaultMachine = childText(root, 'machine');
  if (defaultMachine !== undefined) machines.add(defaultMachine);
  const hugepageSizesKiB: number[] = [];
  if (capabilitiesXml !== undefined) {
    const capabilities = child(parser.parse(capabilitiesXml), 'capabilities');
    for (const guest of children(capabilities, 'guest')) {
      for (const guestArch of children(guest, 'arch')) {
        if (arch !== undefined && attribute(guestArch, 'name') !== arch) continue;
        const domainEntries = children(guestArch, 'domain');
        const typed = domainEntries.find((entry) => attribute(entry, 'type') === domainType);
        for (const machine of [...children(guestArch, 'machine'), ...children(typed, 'machine')]) {
          const name = text(machine);
          if (name !== undefined && name !== '') machines.add(name);
          const canonical = attribute(machine, 'canonical');
          if (canonical !== undefined) machines.add(canonical);
        }
      }
    }
    for (const page of children(child(child(capabilities, 'host'), 'cpu'), 'pages')) {
      const size = Number(attribute(page, 'size'));
      // The base page size is not a huge page.
      if (Number.isInteger(size) && size > 4) hugepageSizesKiB.push(size);
    }
  }
  return {
    ...(emulator === undefined ? {} : { emulator }),
    machines: [...machines],
    ...(maxVcpusText === undefined ? {} : { maxVcpus: Number(maxVcpusText) }),
    efiFirmware,
    launchSecurity: {
      sev: supported(child(features, 'sev')),
      sevSnp: supported(child(features, 'sev-snp')) || attribute(child(features, 'sev'), 'snp') === 'yes',
      tdx: supported(child(features, 'tdx')),
    },
    cpuModels,
    hugepageSizesKiB,
  };
}
