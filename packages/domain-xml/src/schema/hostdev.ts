import type { Hostdev, HostdevAdapter, HostdevDriver, HostdevSource, UsbId } from '../model/devices/hostdev.ts';
import { child, defineElement, flag } from '../xml/element-spec.ts';
import { acpiSpec, addressSpec, aliasSpec, bootSpec, romSpec } from './common.ts';
import { onOffAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

const usbIdSpec = defineElement<UsbId>({ id: stringAttribute('id') });

const sourceSpec = defineElement<HostdevSource>({
  startupPolicy: stringAttribute('startupPolicy'),
  writeFiltering: yesNoAttribute('writeFiltering'),
  protocol: stringAttribute('protocol'),
  name: stringAttribute('name'),
  wwpn: stringAttribute('wwpn'),
  vendor: child('vendor', usbIdSpec),
  product: child('product', usbIdSpec),
  adapter: child('adapter', defineElement<HostdevAdapter>({ name: stringAttribute('name') })),
  address: child('address', addressSpec),
});

export const hostdevSpec = defineElement<Hostdev>({
  mode: stringAttribute('mode'),
  type: stringAttribute('type'),
  managed: yesNoAttribute('managed'),
  model: stringAttribute('model'),
  display: onOffAttribute('display'),
  ramfb: onOffAttribute('ramfb'),
  sgio: stringAttribute('sgio'),
  rawio: yesNoAttribute('rawio'),
  driver: child('driver', defineElement<HostdevDriver>({ name: stringAttribute('name') })),
  source: child('source', sourceSpec),
  boot: child('boot', bootSpec),
  readonly: flag('readonly'),
  shareable: flag('shareable'),
  rom: child('rom', romSpec),
  acpi: child('acpi', acpiSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
