import { createHash } from 'node:crypto';
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

/** The k-th free address by listing every candidate: the definition fixedAddressFor must agree with. */
function listedChoice(hosts: string[], rangeEnd: number, mac: string): string {
  const taken = new Set([1, ...hosts.map((ip) => Number(ip.split('.')[3]))]);
  const candidates: number[] = [];
  for (let last = 1; last <= 254; last += 1) if (!taken.has(last) && !(last >= 2 && last <= rangeEnd)) candidates.push(last);
  const k = createHash('sha256').update(mac).digest().readUInt32BE(0) % candidates.length;
  return `10.0.2.${String(candidates[k])}`;
}

describe('fixedAddressFor on wide, narrow and unsized subnets', () => {
  const ipXml = (ip: string): string => `<network><name>w</name><forward mode='nat'/>${ip}</network>`;

  it('refuses prefixes outside /16../30 with a clear reason instead of walking the subnet', () => {
    expect(() => fixedAddressFor(ipXml("<ip address='10.0.0.1' prefix='8'><dhcp><range start='10.0.0.2' end='10.0.0.100'/></dhcp></ip>"), '02:00:00:00:00:01', 'w'))
      .toThrow('network w has prefix /8; fixed addresses are handed out only in subnets from /16 to /30');
    expect(() => fixedAddressFor(ipXml("<ip address='10.0.0.1' netmask='255.255.255.254'/>"), '02:00:00:00:00:01', 'w')).toThrow('prefix /31');
  });

  it("takes an <ip> without prefix or netmask as libvirt does (its address class), so 10.x is a refused /8, not a /0", () => {
    expect(() => fixedAddressFor(ipXml("<ip address='10.9.0.1'><dhcp><range start='10.9.0.2' end='10.9.0.9'/></dhcp></ip>"), '02:00:00:00:00:01', 'w'))
      .toThrow('network w has prefix /8 (its address class: the <ip> has no prefix or netmask); fixed addresses are handed out only in subnets from /16 to /30');
    expect(fixedAddressFor(ipXml("<ip address='192.168.9.1'><dhcp><range start='192.168.9.2' end='192.168.9.127'/></dhcp></ip>"), '02:00:00:00:00:01', 'w').address).toMatch(/^192\.168\.9\.(1[3-9]\d|2[0-5]\d)$/);
  });

  it('finds a free address in a /16 whose DHCP range covers all but its last addresses', () => {
    const xml = ipXml("<ip address='172.20.0.1' prefix='16'><dhcp><range start='172.20.0.2' end='172.20.255.250'/><host mac='02:00:00:00:00:09' ip='172.20.255.252'/></dhcp></ip>");
    expect(['172.20.255.251', '172.20.255.253', '172.20.255.254']).toContain(fixedAddressFor(xml, '02:00:00:00:00:01', 'w').address);
  });

  it('picks the same address as listing every free candidate would, for many MACs and reservations', () => {
    for (let round = 0; round < 200; round += 1) {
      const mac = `02:6b:76:00:${(round >> 8).toString(16).padStart(2, '0')}:${(round & 0xff).toString(16).padStart(2, '0')}`;
      const rangeEnd = 2 + (round % 200);
      const hosts = Array.from({ length: round % 7 }, (_, index) => `10.0.2.${String(((round * 37 + index * 53) % 250) + 3)}`);
      const xml = networkXml(hosts.map((ip, index) => `<host mac='02:00:00:00:01:${index.toString(16).padStart(2, '0')}' ip='${ip}'/>`), `<range start='10.0.2.2' end='10.0.2.${String(rangeEnd)}'/>`);
      expect(fixedAddressFor(xml, mac, 'nat').address).toBe(listedChoice(hosts, rangeEnd, mac));
    }
  });
});
