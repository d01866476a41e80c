import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';

type XmlObject = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['ip', 'range', 'host'].includes(name),
});

/** Where a guest's fixed address comes from: a reservation it already has, or a new one. */
export interface FixedAddress {
  address: string;
  /** Whether the network already reserves `address` for this MAC (nothing to add). */
  reserved: boolean;
}

function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}

function prefixOf(ip: XmlObject): number {
  const prefix = ip['@prefix'];
  if (typeof prefix === 'string') return Number(prefix);
  const netmask = typeof ip['@netmask'] === 'string' ? toNumber(ip['@netmask']) : 0;
  return 32 - Math.log2(2 ** 32 - netmask);
}

function listOf(node: unknown, name: string): XmlObject[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlObject)[name];
  return Array.isArray(value) ? (value as XmlObject[]) : [];
}

/**
 * The fixed address for `mac` on a libvirt network, from the network's XML: the address its DHCP
 * already reserves for the MAC, or else a free one of the network's IPv4 subnet that no DHCP range
 * hands out (so dnsmasq never leases it to someone else), is not the host's own and no other MAC
 * holds. The first candidate is derived from the MAC, so a guest keeps its address as long as
 * the reservations around it do not change.
 */
export function fixedAddressFor(networkXml: string, mac: string, networkName: string): FixedAddress {
  const document = parser.parse(networkXml) as XmlObject;
  const ip = listOf(document.network, 'ip').find((candidate) => candidate['@family'] === undefined || candidate['@family'] === 'ipv4');
  if (ip === undefined || typeof ip['@address'] !== 'string') throw new Error(`network ${networkName} has no IPv4 address to give guests fixed addresses in`);
  const dhcp = (ip.dhcp ?? {}) as XmlObject;
  const hosts = listOf(dhcp, 'host');
  const own = hosts.find((host) => typeof host['@mac'] === 'string' && host['@mac'].toLowerCase() === mac.toLowerCase());
  if (typeof own?.['@ip'] === 'string') return { address: own['@ip'], reserved: true };

  const size = 2 ** (32 - prefixOf(ip));
  const hostAddress = toNumber(ip['@address']);
  const base = hostAddress - (hostAddress % size);
  const taken = new Set(hosts.map((host) => host['@ip']).filter((address) => typeof address === 'string').map(toNumber));
  const ranges = listOf(dhcp, 'range').map((range) => [toNumber(String(range['@start'])), toNumber(String(range['@end']))] as const);
  const candidates: number[] = [];
  for (let address = base + 1; address < base + size - 1; address += 1) {
    if (address === hostAddress || taken.has(address) || ranges.some(([start, end]) => address >= start && address <= end)) continue;
    candidates.push(address);
  }
  if (candidates.length === 0) throw new Error(`network ${networkName} has no free IPv4 address outside its DHCP ranges for a fixed address`);
  const start = createHash('sha256').update(mac.toLowerCase()).digest().readUInt32BE(0) % candidates.length;
  return { address: toAddress(candidates[start] ?? base), reserved: false };
}
