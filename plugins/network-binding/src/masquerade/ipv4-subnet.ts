/** An IPv4 subnet's addresses as a libvirt NAT network needs them. */
export interface Ipv4Subnet {
  /** The host side: the subnet's first address (KubeVirt's masquerade gateway, 10.0.2.1). */
  gateway: string;
  netmask: string;
  /**
   * The DHCP range: from the second address to the middle of the subnet. The upper half is left
   * to fixed addresses (guests with port forwards), so dnsmasq never leases one of those to
   * another guest. Subnets of fewer than 16 addresses are all DHCP range.
   */
  firstGuest: string;
  lastGuest: string;
}

function toNumber(address: string): number {
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function toAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}

/** `10.0.2.0/24` → gateway 10.0.2.1, netmask 255.255.255.0, DHCP range 10.0.2.2–10.0.2.127. */
export function ipv4Subnet(cidr: string): Ipv4Subnet {
  const [address = '', prefixText = ''] = cidr.split('/');
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const base = toNumber(address) - (toNumber(address) % size);
  return {
    gateway: toAddress(base + 1),
    netmask: toAddress(2 ** 32 - size),
    firstGuest: toAddress(base + 2),
    lastGuest: toAddress(size >= 16 ? base + size / 2 - 1 : base + size - 2),
  };
}
