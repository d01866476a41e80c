import type { NetworkBindingOptions } from '../options/network-binding-options.ts';
import { ipv4Subnet } from './ipv4-subnet.ts';

function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

/**
 * The libvirt network masquerade interfaces attach to: NAT to the host's uplink, a bridge of its
 * own, and DHCP over the subnet (libvirt's dnsmasq). It is shared by every VMI on the host, as
 * one pod network would be.
 */
export function natNetworkXml({ masquerade }: NetworkBindingOptions): string {
  const subnet = ipv4Subnet(masquerade.cidr);
  return [
    '<network>',
    `  <name>${escaped(masquerade.network)}</name>`,
    "  <forward mode='nat'/>",
    `  <bridge name='${escaped(masquerade.bridge)}' stp='on' delay='0'/>`,
    `  <ip address='${subnet.gateway}' netmask='${subnet.netmask}'>`,
    '    <dhcp>',
    `      <range start='${subnet.firstGuest}' end='${subnet.lastGuest}'/>`,
    '    </dhcp>',
    '  </ip>',
    '</network>',
    '',
  ].join('\n');
}
