import { createHash } from 'node:crypto';
import { ipv4ToNumber, networkDhcpOf, numberToIpv4 } from './network-dhcp-xml.ts';

/** Where a guest's fixed address comes from: a reservation it already has, or a new one. */
export interface FixedAddress {
  address: string;
  /** Whether the network already reserves `address` for this MAC (nothing to add). */
  reserved: boolean;
}

/**
 * Subnets fixed addresses are handed out in: from a /16 (65 534 addresses) to a /30 (2). A wider
 * subnet is not a NAT network for guests on one host, and finding a free address in it would
 * mean walking millions of addresses; a narrower one has no room for a guest.
 */
const MIN_PREFIX = 16;
const MAX_PREFIX = 30;

/**
 * The prefix libvirt uses for an `<ip>` with neither `prefix` nor `netmask`: the address's class
 * (A /8, B /16, C /24), as libvirt does; undefined for class D and E.
 */
function classfulPrefix(address: string): number | undefined {
  const first = Number(address.split('.')[0]);
  if (first < 128) return 8;
  if (first < 192) return 16;
  if (first < 224) return 24;
  return undefined;
}

/** Sorted, merged, inclusive intervals. */
function merged(intervals: [number, number][]): [number, number][] {
  const result: [number, number][] = [];
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = result.at(-1);
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else result.push([start, end]);
  }
  return result;
}

/**
 * The fixed address for `mac` on a libvirt network, from the network's XML: the address its DHCP
 * already reserves for the MAC, or else a free one of the network's IPv4 subnet that no DHCP range
 * hands out (so dnsmasq never leases it to someone else), is not the host's own and no other MAC
 * holds. Which free one is derived from the MAC (the k-th free address, k from its hash), so a
 * guest keeps its address as long as the reservations around it do not change. The free
 * addresses are counted and the k-th found from the taken intervals, never listed one by one.
 */
export function fixedAddressFor(networkXml: string, mac: string, networkName: string): FixedAddress {
  const dhcp = networkDhcpOf(networkXml);
  if (dhcp === undefined) throw new Error(`network ${networkName} has no IPv4 address to give guests fixed addresses in`);
  const own = dhcp.hosts.find((host) => host.mac?.toLowerCase() === mac.toLowerCase());
  if (own?.ip !== undefined) return { address: own.ip, reserved: true };

  const prefix = dhcp.prefix ?? classfulPrefix(dhcp.address);
  if (prefix === undefined || !Number.isInteger(prefix) || prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
    const written = prefix === undefined ? 'no usable prefix' : `prefix /${String(prefix)}${dhcp.prefix === undefined ? ' (its address class: the <ip> has no prefix or netmask)' : ''}`;
    throw new Error(`network ${networkName} has ${written}; fixed addresses are handed out only in subnets from /${String(MIN_PREFIX)} to /${String(MAX_PREFIX)}`);
  }
  const size = 2 ** (32 - prefix);
  const hostAddress = ipv4ToNumber(dhcp.address);
  const base = hostAddress - (hostAddress % size);
  // Usable: the subnet without its network and broadcast addresses.
  const [first, last] = [base + 1, base + size - 2];
  const clipped = (start: number, end: number): [number, number][] => (end < first || start > last ? [] : [[Math.max(start, first), Math.min(end, last)]]);
  const taken = merged([
    ...clipped(hostAddress, hostAddress),
    ...dhcp.hosts.flatMap((host) => (host.ip === undefined ? [] : clipped(ipv4ToNumber(host.ip), ipv4ToNumber(host.ip)))),
    ...dhcp.ranges.flatMap((range) => clipped(ipv4ToNumber(range.start), ipv4ToNumber(range.end))),
  ]);
  const free = last - first + 1 - taken.reduce((sum, [start, end]) => sum + end - start + 1, 0);
  if (free <= 0) throw new Error(`network ${networkName} has no free IPv4 address outside its DHCP ranges for a fixed address`);
  const k = createHash('sha256').update(mac.toLowerCase()).digest().readUInt32BE(0) % free;
  // The k-th free address: start k past the first and step over every taken interval at or before it.
  let address = first + k;
  for (const [start, end] of taken) {
    if (start > address) break;
    address += end - start + 1;
  }
  return { address: numberToIpv4(address), reserved: false };
}
