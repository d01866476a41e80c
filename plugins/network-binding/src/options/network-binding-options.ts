import { z } from 'zod';

const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;
const MAC_PREFIX = /^[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/;
const HOST_PORT_KEY = /^[^/\s]+\/[^/:\s]+:\d{1,5}$/;

/** What the host offers for one network a VMI names (a Multus `networkName`, or `pod`). */
const hostNetworkSchema = z.object({
  /** The existing Linux bridge `bridge` interfaces on this network attach to. */
  bridge: z.string().min(1).optional(),
  /** The host device (and macvtap mode) `macvtap` interfaces on this network sit on. */
  macvtap: z.object({
    device: z.string().min(1),
    mode: z.enum(['bridge', 'vepa', 'private', 'passthrough']).default('bridge'),
  }).optional(),
  /** SR-IOV virtual functions (host PCI addresses) `sriov` interfaces on this network take, in order. */
  sriovFunctions: z.array(z.string().regex(PCI_ADDRESS, 'a host PCI address like 0000:3b:02.1')).optional(),
  /** MTU of the guest interface on this network. */
  mtu: z.number().int().min(68).max(65535).optional(),
});

export const networkBindingOptionsSchema = z.object({
  /**
   * First three octets of MACs kvmkit derives for interfaces without `macAddress`: locally
   * administered and unicast (the first octet's low two bits are `10`).
   */
  macPrefix: z.string().regex(MAC_PREFIX, 'three lowercase octets like 02:6b:76')
    .refine((prefix) => (Number.parseInt(prefix.slice(0, 2), 16) & 0b11) === 0b10, 'must be locally administered and unicast (first octet like 02, 06, 0a, …)')
    .default('02:6b:76'),
  /** Cap on virtio queues with `networkInterfaceMultiqueue` (KubeVirt caps at 256, a tap device's maximum). */
  maxQueues: z.number().int().min(1).max(256).default(256),
  /** How masquerade interfaces are NATed. */
  masquerade: z.object({
    /**
     * `network`: a libvirt NAT network (bridge, dnsmasq DHCP, firewall NAT; created by `prepare`
     * when missing; needs a root daemon and dnsmasq); the host reaches guests at their addresses.
     * `user`: QEMU's built-in user-mode NAT (`<interface type='user'>`, DHCP included): no host
     * set-up at all, works with session daemons; nothing reaches the guest from outside.
     */
    mode: z.enum(['network', 'user']).default('network'),
    network: z.string().min(1).default('kvmkit-nat'),
    bridge: z.string().min(1).max(15).default('kvmkit-nat0'),
    /** The NAT subnet: KubeVirt's masquerade default. The host side takes the first address. */
    cidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/(?:[8-9]|[12]\d|30)$/, 'an IPv4 CIDR like 10.0.2.0/24').default('10.0.2.0/24'),
    /**
     * Host ports for masquerade `ports` (mode `network`), by `<namespace>/<name>:<port>`. Without
     * an entry the host port is the guest's port, as KubeVirt's masquerade forwards the pod's.
     */
    hostPorts: z.record(z.string().regex(HOST_PORT_KEY, 'a key like lab/web:80 (namespace/name:port)'), z.number().int().min(1).max(65535)).default({}),
  }).prefault({}),
  /** Per network: by Multus `networkName`, and `pod` for the pod network. */
  hostNetworks: z.record(z.string(), hostNetworkSchema).default({}),
});

export type NetworkBindingOptions = z.infer<typeof networkBindingOptionsSchema>;
export type HostNetworkOptions = z.infer<typeof hostNetworkSchema>;
