import type { BandwidthRate, Interface, InterfaceBackend, InterfaceBandwidth, InterfaceDriver, InterfaceFilterref, InterfaceGuest, InterfaceIp, InterfaceLink, InterfaceMac, InterfaceModel, InterfaceMtu, InterfaceRoute, InterfaceScript, InterfaceSource, InterfaceTarget, InterfaceTeaming, InterfaceVlan, PortForward, PortForwardRange, VlanTag } from '../model/devices/interface.ts';
import { compileSpec } from '../xml/compiled-spec.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { acpiSpec, addressSpec, aliasSpec, bootSpec, romSpec, virtioOptionFields } from './common.ts';
import { integerAttribute, onOffAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

const sourceSpec = defineElement<InterfaceSource>({
  network: stringAttribute('network'),
  portgroup: stringAttribute('portgroup'),
  portid: stringAttribute('portid'),
  bridge: stringAttribute('bridge'),
  dev: stringAttribute('dev'),
  mode: stringAttribute('mode'),
  type: stringAttribute('type'),
  path: stringAttribute('path'),
  address: stringAttribute('address'),
  port: integerAttribute('port'),
  hostAddress: child('address', addressSpec),
});

const driverSpec = defineElement<InterfaceDriver>({
  name: stringAttribute('name'),
  txmode: stringAttribute('txmode'),
  ioeventfd: onOffAttribute('ioeventfd'),
  eventIdx: onOffAttribute('event_idx'),
  queues: integerAttribute('queues'),
  rxQueueSize: integerAttribute('rx_queue_size'),
  txQueueSize: integerAttribute('tx_queue_size'),
  rss: onOffAttribute('rss'),
  rssHashReport: onOffAttribute('rss_hash_report'),
  ...virtioOptionFields,
});

const rangeSpec = defineElement<PortForwardRange>({
  start: integerAttribute('start'),
  end: integerAttribute('end'),
  to: integerAttribute('to'),
  exclude: yesNoAttribute('exclude'),
});

const portForwardSpec = defineElement<PortForward>({
  proto: stringAttribute('proto'),
  address: stringAttribute('address'),
  dev: stringAttribute('dev'),
  ranges: list('range', rangeSpec),
});

const ipSpec = defineElement<InterfaceIp>({
  address: stringAttribute('address'),
  family: stringAttribute('family'),
  prefix: integerAttribute('prefix'),
  peer: stringAttribute('peer'),
});

const routeSpec = defineElement<InterfaceRoute>({
  family: stringAttribute('family'),
  address: stringAttribute('address'),
  netmask: stringAttribute('netmask'),
  gateway: stringAttribute('gateway'),
  prefix: integerAttribute('prefix'),
  metric: integerAttribute('metric'),
});

const bandwidthRateSpec = defineElement<BandwidthRate>({
  average: integerAttribute('average'),
  peak: integerAttribute('peak'),
  burst: integerAttribute('burst'),
  floor: integerAttribute('floor'),
});

const bandwidthSpec = defineElement<InterfaceBandwidth>({
  inbound: child('inbound', bandwidthRateSpec),
  outbound: child('outbound', bandwidthRateSpec),
});

const scriptSpec = defineElement<InterfaceScript>({ path: stringAttribute('path') });
const vlanTagSpec = defineElement<VlanTag>({ id: integerAttribute('id'), nativeMode: stringAttribute('nativeMode') });

export const interfaceSpec = defineElement<Interface>(
  {
    type: stringAttribute('type'),
    managed: yesNoAttribute('managed'),
    trustGuestRxFilters: yesNoAttribute('trustGuestRxFilters'),
    mac: child('mac', defineElement<InterfaceMac>({ address: stringAttribute('address'), type: stringAttribute('type'), check: yesNoAttribute('check') })),
    source: child('source', sourceSpec),
    vlan: child('vlan', defineElement<InterfaceVlan>({ trunk: yesNoAttribute('trunk'), tags: list('tag', vlanTagSpec) })),
    bandwidth: child('bandwidth', bandwidthSpec),
    ips: list('ip', ipSpec),
    routes: list('route', routeSpec),
    portForwards: list('portForward', portForwardSpec),
    script: child('script', scriptSpec),
    downscript: child('downscript', scriptSpec),
    target: child('target', defineElement<InterfaceTarget>({ dev: stringAttribute('dev'), managed: yesNoAttribute('managed') })),
    guest: child('guest', defineElement<InterfaceGuest>({ dev: stringAttribute('dev'), actual: stringAttribute('actual') })),
    model: child('model', defineElement<InterfaceModel>({ type: stringAttribute('type') })),
    driver: child('driver', driverSpec),
    backend: child('backend', defineElement<InterfaceBackend>({ type: stringAttribute('type'), tap: stringAttribute('tap'), vhost: stringAttribute('vhost'), logFile: stringAttribute('logFile') })),
    filterref: child('filterref', defineElement<InterfaceFilterref>({ filter: stringAttribute('filter') })),
    teaming: child('teaming', defineElement<InterfaceTeaming>({ type: stringAttribute('type'), persistent: stringAttribute('persistent') })),
    link: child('link', defineElement<InterfaceLink>({ state: stringAttribute('state') })),
    mtu: child('mtu', defineElement<InterfaceMtu>({ size: integerAttribute('size') })),
    boot: child('boot', bootSpec),
    rom: child('rom', romSpec),
    acpi: child('acpi', acpiSpec),
    alias: child('alias', aliasSpec),
    address: child('address', addressSpec),
  },
  (value) => (value.type === 'hostdev' ? hostdevInterfaceOrder() : undefined),
);

let hostdevOrder: readonly string[] | undefined;

/** A hostdev interface is written like a hostdev: `<driver>` comes before `<source>`. */
function hostdevInterfaceOrder(): readonly string[] {
  if (hostdevOrder === undefined) {
    const names = compileSpec(interfaceSpec as never).childNames.filter((name) => name !== 'driver');
    names.splice(names.indexOf('source'), 0, 'driver');
    hostdevOrder = names;
  }
  return hostdevOrder;
}
