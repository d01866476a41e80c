import { describe, expect, it } from 'vitest';
import { fixedAddressFor } from './fixed-address.ts';

function networkXml(hosts: string[] = [], range = "<range start='10.0.2.2' end='10.0.2.127'/>"): string {
  return `<network><name>nat</name><forward mode='nat'/><ip address='10.0.2.1' netmask='255.255.255.0'><dhcp>${range}${hosts.join('')}</dhcp></ip></network>`;
}

describe('fixedAddressFor', () => {
  it('keeps the address the network already reserves for the MAC', () => {
    expect(fixedAddressFor(networkXml(["<host mac='02:6B:76:00:00:01' ip='10.0.2.200'/>"]), '02:6b:76:00:00:01', 'nat')).toEqual({ address: '10.0.2.200', reserved: true });
  });

  it('picks the same address for the same MAC, outside the DHCP range and off the host address', () => {
    const first = fixedAddressFor(networkXml(), '02:6b:76:aa:bb:cc', 'nat');
    expect(first).toEqual(fixedAddressFor(networkXml(), '02:6b:76:aa:bb:cc', 'nat'));
    expect(first.reserved).toBe(false);
    const last = Number(first.address.split('.')[3]);
    expect(last).toBeGreaterThanOrEqual(128);
    expect(last).toBeLessThanOrEqual(254);
  });

  it('steps past an address another MAC holds', () => {
    const free = fixedAddressFor(networkXml(), '02:6b:76:aa:bb:cc', 'nat').address;
    const next = fixedAddressFor(networkXml([`<host mac='02:6b:76:00:00:09' ip='${free}'/>`]), '02:6b:76:aa:bb:cc', 'nat').address;
    expect(next).not.toBe(free);
    expect(next).toMatch(/^10\.0\.2\.(1[3-9]\d|2[0-5]\d)$/);
  });

  it('refuses a network whose DHCP range leaves no address free', () => {
    expect(() => fixedAddressFor(networkXml([], "<range start='10.0.2.2' end='10.0.2.254'/>"), '02:6b:76:aa:bb:cc', 'nat')).toThrow('network nat has no free IPv4 address outside its DHCP ranges');
  });

  it('reads a prefix as well as a netmask', () => {
    const xml = "<network><name>p</name><ip address='10.0.3.1' prefix='30'><dhcp><range start='10.0.3.2' end='10.0.3.2'/></dhcp></ip></network>";
    expect(() => fixedAddressFor(xml, '02:00:00:00:00:01', 'p')).toThrow('no free IPv4 address');
    const wider = "<network><name>p</name><ip address='10.0.3.1' prefix='29'><dhcp><range start='10.0.3.2' end='10.0.3.3'/></dhcp></ip></network>";
    expect(fixedAddressFor(wider, '02:00:00:00:00:01', 'p').address).toMatch(/^10\.0\.3\.[4-6]$/);
  });
});
