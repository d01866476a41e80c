import { describe, expect, it } from 'vitest';
import { findDeviceByAlias, findDiskByTarget, findInterfaceByMac, formatDeviceXml, listDevices, parseDeviceXml } from './device-xml.ts';
import { formatDomainXml } from './format-domain-xml.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { xmlTree } from './testing/xml-tree.ts';

const domainXml = `<domain type='kvm'><name>d</name><devices>
  <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/><alias name='ua-root'/></disk>
  <interface type='network'><mac address='52:54:00:AB:CD:EF'/><source network='default'/><alias name='net0'/></interface>
  <memballoon model='virtio'><stats period='10'/><alias name='balloon0'/></memballoon>
</devices></domain>`;

describe('device helpers', () => {
  const domain = parseDomainXml(domainXml);

  it('finds devices by alias, disk target and MAC', () => {
    expect(findDeviceByAlias(domain, 'ua-root')?.kind).toBe('disk');
    expect(findDeviceByAlias(domain, 'balloon0')).toEqual({ kind: 'memballoon', device: domain.devices!.memballoon });
    expect(findDeviceByAlias(domain, 'nope')).toBeUndefined();
    expect(findDiskByTarget(domain, 'vda')?.source?.file).toBe('/a.img');
    expect(findInterfaceByMac(domain, '52:54:00:ab:cd:ef')?.source?.network).toBe('default');
    expect(listDevices(domain).map((device) => device.kind)).toEqual(['disk', 'interface', 'memballoon']);
  });

  it('formats one device alone and parses it back', () => {
    const disk = findDiskByTarget(domain, 'vda')!;
    const xml = formatDeviceXml('disk', disk);
    expect(xmlTree(xml)).toEqual(xmlTree(`<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/><alias name='ua-root'/></disk>`));
    expect(parseDeviceXml(xml)).toEqual({ kind: 'disk', device: disk });
  });

  it('changes one device and writes the domain back without losing anything else', () => {
    const copy = parseDomainXml(domainXml);
    findDiskByTarget(copy, 'vda')!.source = { file: '/b.img' };
    expect(formatDomainXml(copy)).toBe(formatDomainXml(domain).replace('/a.img', '/b.img'));
  });

  it('rejects an element that is not a device', () => {
    expect(() => parseDeviceXml('<cpu/>')).toThrow('/cpu: <cpu> is not a device element');
  });
});
