import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDomainXml } from './format-domain-xml.ts';
import type { Domain } from './model/domain.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { xmlTree } from './testing/xml-tree.ts';
import { DomainXmlError } from './xml/domain-xml-error.ts';

// Any string, including markup, quotes, entities, control characters and lone surrogates.
const anyString = fc.string({ unit: 'binary', maxLength: 40 });
const markupString = fc.stringMatching(/^[<>&"' \n\ta-z=/;#-]{0,30}$/);
const value = fc.oneof(anyString, markupString);

const domainArbitrary = fc.record({ name: value, serial: value, entry: value, path: value, arg: value, description: value }).map(
  ({ name, serial, entry, path, arg, description }): Domain => ({
    type: 'kvm',
    name,
    description,
    sysinfos: [{ type: 'smbios', system: { entries: [{ name: 'manufacturer', value: entry }] } }],
    devices: { disks: [{ type: 'file', device: 'disk', source: { file: path }, target: { dev: 'vda', bus: 'virtio' }, serial }] },
    qemuCommandline: { args: [{ value: arg }] },
  }),
);

/** Element names of the whole tree: injected markup would add some. */
function elementNames(xml: string): string[] {
  const names: string[] = [];
  const walk = (node: ReturnType<typeof xmlTree>): void => {
    names.push(node.name);
    node.children.forEach(walk);
  };
  walk(xmlTree(xml));
  return names;
}

const expectedNames = ['domain', 'name', 'description', 'sysinfo', 'system', 'entry', 'devices', 'disk', 'source', 'target', 'serial', 'qemu:commandline', 'qemu:arg'];

describe('arbitrary strings in values', () => {
  it('never produce invalid XML or injected elements, and survive a round trip', () => {
    fc.assert(
      fc.property(domainArbitrary, (domain) => {
        let xml: string;
        try {
          xml = formatDomainXml(domain);
        } catch (error) {
          // Only characters XML 1.0 cannot carry at all are refused, with a path.
          expect(error).toBeInstanceOf(DomainXmlError);
          expect((error as DomainXmlError).reason).toContain('XML 1.0 cannot represent');
          return;
        }
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- still shipped in fast-xml-parser 5
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(elementNames(xml)).toEqual(expectedNames);
        const parsed = parseDomainXml(xml);
        expect(parsed.name).toBe(domain.name);
        expect(parsed.devices?.disks?.[0]?.serial).toBe(domain.devices?.disks?.[0]?.serial);
        expect(parsed.devices?.disks?.[0]?.source?.file).toBe(domain.devices?.disks?.[0]?.source?.file);
        // An element's own empty text reads back as absent (`<entry/>`), which formats the same.
        expect(parsed.sysinfos?.[0]?.system?.entries?.[0]?.value ?? '').toBe(domain.sysinfos?.[0]?.system?.entries?.[0]?.value);
        expect(parsed.qemuCommandline?.args?.[0]?.value).toBe(domain.qemuCommandline?.args?.[0]?.value);
        expect(formatDomainXml(parsed)).toBe(xml);
      }),
      { numRuns: 400 },
    );
  }, 120_000); // 400 generated documents: seconds on a loaded 2-core CI machine
});
