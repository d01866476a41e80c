import { XMLParser } from 'fast-xml-parser';

type XmlObject = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['ip', 'range', 'host'].includes(name),
});

/** One `<host>` of a network's DHCP, as libvirt lists it. */
export interface DhcpHost {
  mac?: string;
  ip?: string;
  name?: string;
}

/** What fixed addresses on a network depend on: its IPv4 `<ip>` and that `<ip>`'s DHCP. */
export interface NetworkDhcp {
  /** The host's own address on the network. */
  address: string;
  /** The prefix length as written (`prefix` or `netmask`); absent when the XML gives neither. */
  prefix?: number;
  ranges: { start: string; end: string }[];
  hosts: DhcpHost[];
}

function listOf(node: unknown, name: string): XmlObject[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlObject)[name];
  return Array.isArray(value) ? (value as XmlObject[]) : [];
}

function text(node: XmlObject, attribute: string): string | undefined {
  const value = node[`@${attribute}`];
  return typeof value === 'string' ? value : undefined;
}

/** `255.255.255.0` → 24; undefined for a mask that is not contiguous ones then zeros. */
function netmaskPrefix(netmask: string): number | undefined {
  const bits = netmask.split('.').map((octet) => Number(octet).toString(2).padStart(8, '0')).join('');
  if (bits.length !== 32 || !/^1*0*$/.test(bits)) return undefined;
  const firstZero = bits.indexOf('0');
  return firstZero === -1 ? 32 : firstZero;
}

/** The IPv4 `<ip>` of a libvirt network's XML and its DHCP; undefined when it has none. */
export function networkDhcpOf(networkXml: string): NetworkDhcp | undefined {
  const document = parser.parse(networkXml) as XmlObject;
  const ip = listOf(document.network, 'ip').find((candidate) => candidate['@family'] === undefined || candidate['@family'] === 'ipv4');
  const address = ip === undefined ? undefined : text(ip, 'address');
  if (ip === undefined || address === undefined) return undefined;
  const prefixText = text(ip, 'prefix');
  const netmask = text(ip, 'netmask');
  const prefix = prefixText !== undefined ? Number(prefixText) : netmask !== undefined ? netmaskPrefix(netmask) : undefined;
  const dhcp = (ip.dhcp ?? {}) as XmlObject;
  return {
    address,
    ...(prefix === undefined ? {} : { prefix }),
    ranges: listOf(dhcp, 'range').map((range) => ({ start: text(range, 'start') ?? '', end: text(range, 'end') ?? '' })),
    hosts: listOf(dhcp, 'host').map((host) => {
      const [mac, hostIp, name] = [text(host, 'mac'), text(host, 'ip'), text(host, 'name')];
      return { ...(mac === undefined ? {} : { mac }), ...(hostIp === undefined ? {} : { ip: hostIp }), ...(name === undefined ? {} : { name }) };
    }),
  };
}

/** An IPv4 address as a number (`10.0.2.1` → 167772673). */
export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

/** A number as an IPv4 address. */
export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}
