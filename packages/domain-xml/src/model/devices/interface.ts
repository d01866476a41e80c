import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAcpi, DeviceAddress, DeviceAlias, DeviceBoot, DeviceRom, VirtioOptions } from '../common.ts';

/** `<mac address type check/>`: the NIC's identity in hotplug calls. */
export interface InterfaceMac extends Extensible {
  address: string;
  type?: string;
  /** `check='yes'|'no'`. */
  check?: boolean;
}

/**
 * `<source>` of an interface; which attributes apply depends on the interface `type`:
 * `network` → network/portgroup/portid, `bridge` → bridge, `direct` → dev/mode,
 * `vhostuser` → type/path/mode, `hostdev` → address, `udp`/`mcast`/`server`/`client` → address/port,
 * `user` → dev (passt), `vdpa` → dev.
 */
export interface InterfaceSource extends Extensible {
  network?: string;
  portgroup?: string;
  portid?: string;
  bridge?: string;
  dev?: string;
  mode?: string;
  type?: string;
  path?: string;
  /** IP address for `udp`, `mcast`, `server`, `client` interfaces. */
  address?: string;
  port?: number;
  /** For hostdev interfaces: `<address>` of the host device; otherwise the IP in `<source address>`. */
  hostAddress?: DeviceAddress;
}

/** `<model type/>`: `virtio`, `e1000e`, `rtl8139`, … */
export interface InterfaceModel extends Extensible {
  type: string;
}

/** `<driver>` of an interface. Offload settings (`<host>`, `<guest>`) stay generic. */
export interface InterfaceDriver extends Extensible, VirtioOptions {
  /** `qemu`, `vhost`, `vfio`, `kvm`. */
  name?: string;
  txmode?: string;
  /** `ioeventfd='on'|'off'`. */
  ioeventfd?: boolean;
  /** `event_idx='on'|'off'`. */
  eventIdx?: boolean;
  queues?: number;
  rxQueueSize?: number;
  txQueueSize?: number;
  /** `rss='on'|'off'`. */
  rss?: boolean;
  /** `rss_hash_report='on'|'off'`. */
  rssHashReport?: boolean;
}

/** `<backend type tap vhost logFile/>`: `type='passt'` uses passt for user networking. */
export interface InterfaceBackend extends Extensible {
  type?: string;
  tap?: string;
  vhost?: string;
  logFile?: string;
}

/** `<range start end to exclude/>` inside `<portForward>`. */
export interface PortForwardRange extends Extensible {
  start: number;
  end?: number;
  to?: number;
  /** `exclude='yes'|'no'`. */
  exclude?: boolean;
}

/** `<portForward proto address dev>` (passt backend). */
export interface PortForward extends Extensible {
  /** `tcp` or `udp`. */
  proto: string;
  address?: string;
  dev?: string;
  ranges?: PortForwardRange[];
}

/** `<ip address family prefix peer/>`. */
export interface InterfaceIp extends Extensible {
  address: string;
  family?: string;
  prefix?: number;
  peer?: string;
}

/** `<route family address netmask gateway prefix metric/>`. */
export interface InterfaceRoute extends Extensible {
  family?: string;
  address?: string;
  netmask?: string;
  gateway: string;
  prefix?: number;
  metric?: number;
}

/** `<target dev managed/>`: the host-side tap name. */
export interface InterfaceTarget extends Extensible {
  dev: string;
  /** `managed='yes'|'no'`. */
  managed?: boolean;
}

/** `<link state/>`: `up` or `down`. */
export interface InterfaceLink extends Extensible {
  state: string;
}

/** `<mtu size/>`. */
export interface InterfaceMtu extends Extensible {
  size: number;
}

/** `<script path/>` / `<downscript path/>`. */
export interface InterfaceScript extends Extensible {
  path: string;
}

/** `<teaming type persistent/>`. */
export interface InterfaceTeaming extends Extensible {
  /** `persistent` or `transient`. */
  type: string;
  persistent?: string;
}

/** `<filterref filter>`: an nwfilter reference. Its `<parameter>` children stay generic. */
export interface InterfaceFilterref extends Extensible {
  filter: string;
}

/** `<guest dev actual/>`. */
export interface InterfaceGuest extends Extensible {
  dev?: string;
  actual?: string;
}

/** `<tag id nativeMode/>` inside `<vlan>`. */
export interface VlanTag extends Extensible {
  id: number;
  nativeMode?: string;
}

/** `<vlan trunk>`. */
export interface InterfaceVlan extends Extensible {
  /** `trunk='yes'|'no'`. */
  trunk?: boolean;
  tags: VlanTag[];
}

/** `<interface type managed trustGuestRxFilters>`. */
/** `<inbound>` / `<outbound>` of `<bandwidth>`: rates in KiB/s, burst in KiB. */
export interface BandwidthRate extends Extensible {
  average?: number;
  peak?: number;
  burst?: number;
  /** Guaranteed minimum (inbound only, on `network` interfaces). */
  floor?: number;
}

/** `<bandwidth>`: quality of service for the interface (KubeVirt's schema has it too). */
export interface InterfaceBandwidth extends Extensible {
  inbound?: BandwidthRate;
  outbound?: BandwidthRate;
}

export interface Interface extends Extensible {
  /** `ethernet`, `bridge`, `network`, `direct`, `hostdev`, `user`, `vhostuser`, `vdpa`, `server`, `client`, `mcast`, `udp`, `null`, `vds`. */
  type: string;
  /** `managed='yes'|'no'` (hostdev). */
  managed?: boolean;
  /** `trustGuestRxFilters='yes'|'no'`. */
  trustGuestRxFilters?: boolean;
  mac?: InterfaceMac;
  source?: InterfaceSource;
  vlan?: InterfaceVlan;
  bandwidth?: InterfaceBandwidth;
  ips?: InterfaceIp[];
  routes?: InterfaceRoute[];
  portForwards?: PortForward[];
  script?: InterfaceScript;
  downscript?: InterfaceScript;
  target?: InterfaceTarget;
  guest?: InterfaceGuest;
  model?: InterfaceModel;
  driver?: InterfaceDriver;
  backend?: InterfaceBackend;
  filterref?: InterfaceFilterref;
  teaming?: InterfaceTeaming;
  link?: InterfaceLink;
  mtu?: InterfaceMtu;
  boot?: DeviceBoot;
  rom?: DeviceRom;
  acpi?: DeviceAcpi;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
