import type { Disk, DiskBackingStore, DiskBlockio, DiskDriver, DiskFormat, DiskGeometry, DiskIotune, DiskReservations, DiskSource, DiskTarget, DiskTransient } from '../model/devices/disk.ts';
import { child, defineElement, flag, list, type ElementSpec } from '../xml/element-spec.ts';
import { acpiSpec, addressSpec, aliasSpec, bootSpec, securityLabelSpec, virtioOptionFields } from './common.ts';
import { integerAttribute, integerElement, onOffAttribute, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';
import { sourceAuthSpec, sourceHostSpec } from './os.ts';

const driverSpec = defineElement<DiskDriver>({
  name: stringAttribute('name'),
  type: stringAttribute('type'),
  cache: stringAttribute('cache'),
  errorPolicy: stringAttribute('error_policy'),
  rerrorPolicy: stringAttribute('rerror_policy'),
  io: stringAttribute('io'),
  ioeventfd: onOffAttribute('ioeventfd'),
  eventIdx: onOffAttribute('event_idx'),
  copyOnRead: onOffAttribute('copy_on_read'),
  discard: stringAttribute('discard'),
  iothread: integerAttribute('iothread'),
  detectZeroes: stringAttribute('detect_zeroes'),
  queues: integerAttribute('queues'),
  queueSize: integerAttribute('queue_size'),
  ...virtioOptionFields,
});

const sourceSpec = defineElement<DiskSource>({
  file: stringAttribute('file'),
  dev: stringAttribute('dev'),
  dir: stringAttribute('dir'),
  pool: stringAttribute('pool'),
  volume: stringAttribute('volume'),
  mode: stringAttribute('mode'),
  protocol: stringAttribute('protocol'),
  name: stringAttribute('name'),
  tls: yesNoAttribute('tls'),
  type: stringAttribute('type'),
  path: stringAttribute('path'),
  managed: yesNoAttribute('managed'),
  namespace: integerAttribute('namespace'),
  index: integerAttribute('index'),
  startupPolicy: stringAttribute('startupPolicy'),
  hosts: list('host', sourceHostSpec),
  auth: child('auth', sourceAuthSpec),
  reservations: child('reservations', defineElement<DiskReservations>({ managed: yesNoAttribute('managed') })),
  seclabels: list('seclabel', securityLabelSpec),
});

const backingStoreSpec: ElementSpec<DiskBackingStore> = defineElement<DiskBackingStore>({
  type: stringAttribute('type'),
  index: integerAttribute('index'),
  format: child('format', defineElement<DiskFormat>({ type: stringAttribute('type') })),
  source: child('source', sourceSpec),
  backingStore: child('backingStore', () => backingStoreSpec),
});

const targetSpec = defineElement<DiskTarget>({
  dev: stringAttribute('dev'),
  bus: stringAttribute('bus'),
  tray: stringAttribute('tray'),
  removable: onOffAttribute('removable'),
  rotationRate: integerAttribute('rotation_rate'),
});

const blockioSpec = defineElement<DiskBlockio>({
  logicalBlockSize: integerAttribute('logical_block_size'),
  physicalBlockSize: integerAttribute('physical_block_size'),
  discardGranularity: integerAttribute('discard_granularity'),
});

const geometrySpec = defineElement<DiskGeometry>({
  cyls: integerAttribute('cyls'),
  heads: integerAttribute('heads'),
  secs: integerAttribute('secs'),
  trans: stringAttribute('trans'),
});

// libvirt's iotune order.
const iotuneSpec = defineElement<DiskIotune>({
  totalBytesSec: integerElement('total_bytes_sec'),
  readBytesSec: integerElement('read_bytes_sec'),
  writeBytesSec: integerElement('write_bytes_sec'),
  totalIopsSec: integerElement('total_iops_sec'),
  readIopsSec: integerElement('read_iops_sec'),
  writeIopsSec: integerElement('write_iops_sec'),
  totalBytesSecMax: integerElement('total_bytes_sec_max'),
  readBytesSecMax: integerElement('read_bytes_sec_max'),
  writeBytesSecMax: integerElement('write_bytes_sec_max'),
  totalIopsSecMax: integerElement('total_iops_sec_max'),
  readIopsSecMax: integerElement('read_iops_sec_max'),
  writeIopsSecMax: integerElement('write_iops_sec_max'),
  sizeIopsSec: integerElement('size_iops_sec'),
  groupName: stringElement('group_name'),
  totalBytesSecMaxLength: integerElement('total_bytes_sec_max_length'),
  readBytesSecMaxLength: integerElement('read_bytes_sec_max_length'),
  writeBytesSecMaxLength: integerElement('write_bytes_sec_max_length'),
  totalIopsSecMaxLength: integerElement('total_iops_sec_max_length'),
  readIopsSecMaxLength: integerElement('read_iops_sec_max_length'),
  writeIopsSecMaxLength: integerElement('write_iops_sec_max_length'),
});

export const diskSpec = defineElement<Disk>({
  type: stringAttribute('type'),
  device: stringAttribute('device'),
  model: stringAttribute('model'),
  snapshot: stringAttribute('snapshot'),
  rawio: yesNoAttribute('rawio'),
  sgio: stringAttribute('sgio'),
  driver: child('driver', driverSpec),
  auth: child('auth', sourceAuthSpec),
  source: child('source', sourceSpec),
  backingStore: child('backingStore', backingStoreSpec),
  geometry: child('geometry', geometrySpec),
  blockio: child('blockio', blockioSpec),
  target: child('target', targetSpec),
  iotune: child('iotune', iotuneSpec),
  readonly: flag('readonly'),
  shareable: flag('shareable'),
  transient: child('transient', defineElement<DiskTransient>({ shareBacking: yesNoAttribute('shareBacking') })),
  serial: stringElement('serial'),
  wwn: stringElement('wwn'),
  vendor: stringElement('vendor'),
  product: stringElement('product'),
  boot: child('boot', bootSpec),
  acpi: child('acpi', acpiSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
