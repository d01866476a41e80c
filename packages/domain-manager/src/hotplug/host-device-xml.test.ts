import { formatDeviceXml, formatDomainXml } from '@kvmkit/domain-xml';
import { validateDomainXml } from '@kvmkit/testing';
import { describe, expect, it } from 'vitest';
import { hostDeviceAlias, hostdevFor, pciSourceAddress } from './host-device-xml.ts';

/** libvirt's schema has no start for a lone device: validate it inside a minimal domain. */
async function validInDomain(name: string, source: Parameters<typeof hostdevFor>[1]): Promise<{ valid: boolean; errors: string }> {
  const xml = formatDomainXml({
    type: 'qemu', name: 'hostdev-check', memory: { value: 262_144, unit: 'KiB' },
    os: { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } },
    devices: { hostdevs: [hostdevFor(name, source)] },
  });
  return validateDomainXml(xml);
}

describe('host device XML', () => {
  it('names the device like KubeVirt: ua-hostdevice-<name>', () => {
    expect(hostDeviceAlias('gpu1')).toBe('ua-hostdevice-gpu1');
  });

  it('passes a PCI device through with VFIO, managed by libvirt, at its host address', async () => {
    const xml = formatDeviceXml('hostdev', hostdevFor('nic', { type: 'pci', address: '0000:81:1f.7' }));
    expect(xml.replace(/\s+/g, ' ')).toBe(
      "<hostdev mode='subsystem' type='pci' managed='yes'> <driver name='vfio'/> <source> <address domain='0x0000' bus='0x81' slot='0x1f' function='0x7'/> </source> <alias name='ua-hostdevice-nic'/> </hostdev> ",
    );
    expect(await validInDomain('nic', { type: 'pci', address: '0000:81:1f.7' })).toEqual({ valid: true, errors: '' });
    expect(formatDeviceXml('hostdev', hostdevFor('nic', { type: 'pci', address: '0000:81:1f.7', managed: false }))).toContain("managed='no'");
  });

  it('passes a USB device through by vendor and product', async () => {
    const xml = formatDeviceXml('hostdev', hostdevFor('storage', { type: 'usb', vendor: '0x0781', product: '0x5583' }));
    expect(xml.replace(/\s+/g, ' ')).toBe(
      "<hostdev mode='subsystem' type='usb'> <source> <vendor id='0x0781'/> <product id='0x5583'/> </source> <alias name='ua-hostdevice-storage'/> </hostdev> ",
    );
    expect(await validInDomain('storage', { type: 'usb', vendor: '0x0781', product: '0x5583' })).toEqual({ valid: true, errors: '' });
  });

  it('refuses a malformed PCI address', () => {
    expect(pciSourceAddress('81:00.0')).toBeUndefined();
    expect(pciSourceAddress('0000:81:00.8')).toBeUndefined();
    expect(() => hostdevFor('nic', { type: 'pci', address: 'nope' })).toThrow(/malformed PCI address "nope"/);
  });
});
