import type { ForwardedPort } from '@kvmkit/core';

/** kvmkit's own chains: its rules never mix with libvirt's or the host's, and go away cleanly. */
export const KVMKIT_CHAINS = [
  { table: 'nat', chain: 'KVMKIT_PREROUTING', from: 'PREROUTING' },
  { table: 'nat', chain: 'KVMKIT_OUTPUT', from: 'OUTPUT' },
  { table: 'filter', chain: 'KVMKIT_FORWARD', from: 'FORWARD' },
] as const;

export type KvmkitChain = (typeof KVMKIT_CHAINS)[number]['chain'];

/** One iptables rule: the table, the chain and the match and target arguments. */
export interface FirewallRule {
  table: 'nat' | 'filter';
  chain: KvmkitChain;
  args: string[];
}

const OWNER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

/** The comment that marks an owner's rules (namespace/name: no spaces, no quotes). */
export function ownerComment(owner: string): string {
  if (!OWNER.test(owner)) throw new Error(`owner: "${owner}" is not a namespace/name (letters, digits, . _ / -, at most 200)`);
  return `kvmkit:${owner}`;
}

/**
 * The rules that forward `ports` to the guest at `guestAddress`, as Docker's published ports do:
 * destination NAT for packets to any of the host's own addresses arriving from outside
 * (PREROUTING) and from the host itself (OUTPUT; loopback needs route_localnet, so it is left out),
 * and an accept in FORWARD ahead of libvirt's reject of new connections into a NAT network.
 */
export function forwardRules(owner: string, guestAddress: string, ports: readonly ForwardedPort[]): FirewallRule[] {
  const comment = ['-m', 'comment', '--comment', ownerComment(owner)];
  return ports.flatMap(({ protocol, hostPort, guestPort }) => {
    const match = ['-p', protocol, '-m', protocol];
    const target = ['-j', 'DNAT', '--to-destination', `${guestAddress}:${String(guestPort)}`];
    return [
      { table: 'nat', chain: 'KVMKIT_PREROUTING', args: ['-m', 'addrtype', '--dst-type', 'LOCAL', ...match, '--dport', String(hostPort), ...comment, ...target] },
      { table: 'nat', chain: 'KVMKIT_OUTPUT', args: ['!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', ...match, '--dport', String(hostPort), ...comment, ...target] },
      { table: 'filter', chain: 'KVMKIT_FORWARD', args: ['-d', `${guestAddress}/32`, ...match, '--dport', String(guestPort), '-m', 'conntrack', '--ctstate', 'DNAT', ...comment, '-j', 'ACCEPT'] },
    ] satisfies FirewallRule[];
  });
}

/** One rule as `iptables -S <chain>` lists it: its arguments after `-A <chain>`. */
export interface ListedRule {
  args: string[];
  owner: string | undefined;
  protocol: string | undefined;
  destinationPort: number | undefined;
  /** The guest address a DNAT rule forwards to (`--to-destination <address>:<port>`). */
  forwardedTo: string | undefined;
}

/** Parses `iptables -S <chain>` output (our comments have no spaces, so quotes are only stripped). */
export function listedRules(listing: string, chain: string): ListedRule[] {
  return listing.split('\n').filter((line) => line.startsWith(`-A ${chain} `)).map((line) => {
    const args = line.split(/\s+/).slice(2).map((word) => word.replace(/^"(.*)"$/, '$1'));
    const valueAfter = (flag: string): string | undefined => {
      const index = args.indexOf(flag);
      return index === -1 ? undefined : args[index + 1];
    };
    const comment = valueAfter('--comment');
    const port = valueAfter('--dport');
    const target = valueAfter('--to-destination');
    return {
      args,
      owner: comment?.startsWith('kvmkit:') === true ? comment.slice('kvmkit:'.length) : undefined,
      protocol: valueAfter('-p'),
      destinationPort: port === undefined ? undefined : Number(port),
      forwardedTo: target?.replace(/:\d+$/, ''),
    };
  });
}
