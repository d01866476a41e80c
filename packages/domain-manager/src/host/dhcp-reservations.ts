import type { DhcpHost } from './network-dhcp-xml.ts';
import { networkDhcpOf } from './network-dhcp-xml.ts';

// A name dnsmasq and libvirt take: DNS labels, the first character a letter (libvirt refuses others).
const HOST_NAME = /^[a-z][a-z0-9-]{0,62}(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The `name` of an owner's DHCP `<host>` reservation: `<name>.<namespace>` of the owner
 * `namespace/name`, so a reservation says whose it is and is found again without its MAC. dnsmasq
 * hands the part before the first dot to the guest as its host name, as KubeVirt's masquerade
 * DHCP hands the VMI's name. Undefined when the owner does not make a DNS name (upper case, `_`, a
 * leading digit); such a reservation is found through the forwards' target address only.
 */
export function reservationName(owner: string): string | undefined {
  const slash = owner.indexOf('/');
  const name = `${owner.slice(slash + 1)}.${owner.slice(0, slash)}`;
  return slash > 0 && name.length <= 253 && HOST_NAME.test(name) ? name : undefined;
}

function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll("'", '&apos;');
}

/** A `<host>` of a network's DHCP, for network-update: the guest's fixed address. */
export function dhcpHostXml(host: DhcpHost): string {
  const attributes = (['mac', 'name', 'ip'] as const).flatMap((attribute) => {
    const value = host[attribute];
    return value === undefined ? [] : [`${attribute}='${escaped(value)}'`];
  });
  return `<host ${attributes.join(' ')}/>`;
}

/**
 * The `<host>` reservations of a network that belong to `owner`: named for it, or holding an
 * address its forwards pointed to (kvmkit's own rules, so the address was the owner's).
 */
export function ownedReservations(networkXml: string, owner: string, forwardedTo: ReadonlySet<string>): DhcpHost[] {
  const name = reservationName(owner);
  return (networkDhcpOf(networkXml)?.hosts ?? []).filter((host) => (name !== undefined && host.name === name) || (host.ip !== undefined && forwardedTo.has(host.ip)));
}
