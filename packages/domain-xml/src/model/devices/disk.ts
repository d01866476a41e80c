import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAcpi, DeviceAddress, DeviceAlias, DeviceBoot, SecurityLabel, VirtioOptions } from '../common.ts';
import type { SourceAuth, SourceHost } from '../os.ts';

/** `<driver>` of a disk: how QEMU opens the image. */
export interface DiskDriver extends Extensible, VirtioOptions {
  /** `qemu`. */
  name?: string;
  /** Image format: `raw`, `qcow2`, … */
  type?: string;
  /** `default`, `none`, `writethrough`, `writeback`, `directsync`, `unsafe`. */
  cache?: string;
  /** `stop`, `report`, `ignore`, `enospace`. */
  errorPolicy?: string;
  rerrorPolicy?: string;
  /** `threads`, `native`, `io_uring`. */
  io?: string;
  /** `ioeventfd='on'|'off'`. */
  ioeventfd?: boolean;
  /** `event_idx='on'|'off'`. */
  eventIdx?: boolean;
  /** `copy_on_read='on'|'off'`. */
  copyOnRead?: boolean;
  /** `unmap` or `ignore`. */
  discard?: string;
  iothread?: number;
  /** `off`, `on`, `unmap`. */
  detectZeroes?: string;
  queues?: number;
  queueSize?: number;
}

/** `<format type/>` of a backing store. */
export interface DiskFormat extends Extensible {
  type: string;
}

/** `<reservations managed>` of a `lun` source (persistent reservations). */
export interface DiskReservations extends Extensible {
  /** `managed='yes'|'no'`. */
  managed?: boolean;
}

/**
 * `<source>` of a disk or backing store. Which attributes apply depends on the disk `type`:
 * `file` → file, `block` → dev, `dir` → dir, `volume` → pool/volume/mode, `network` →
 * protocol/name/hosts/auth, `nvme` → type/managed/namespace, `vhostuser` → type/path.
 */
export interface DiskSource extends Extensible {
  file?: string;
  dev?: string;
  dir?: string;
  pool?: string;
  volume?: string;
  /** Volume mode: `host` or `direct`. */
  mode?: string;
  protocol?: string;
  name?: string;
  /** `tls='yes'|'no'`. */
  tls?: boolean;
  /** nvme / vhostuser source type. */
  type?: string;
  path?: string;
  /** `managed='yes'|'no'` (nvme). */
  managed?: boolean;
  namespace?: number;
  index?: number;
  /** `mandatory`, `requisite`, `optional`. */
  startupPolicy?: string;
  hosts?: SourceHost[];
  auth?: SourceAuth;
  reservations?: DiskReservations;
  seclabels?: SecurityLabel[];
}

/** `<backingStore type index>`: one layer of the disk's image chain. */
export interface DiskBackingStore extends Extensible {
  type?: string;
  index?: number;
  format?: DiskFormat;
  source?: DiskSource;
  backingStore?: DiskBackingStore;
}

/** `<target dev bus tray removable rotation_rate/>`. */
export interface DiskTarget extends Extensible {
  /** Guest device name hint, e.g. `vda`, `sda`: the disk's identity in hotplug calls. */
  dev: string;
  /** `virtio`, `scsi`, `sata`, `ide`, `usb`, `fdc`, `sd`, `xen`. */
  bus?: string;
  /** `open` or `closed` (cdrom/floppy). */
  tray?: string;
  /** `removable='on'|'off'` (usb). */
  removable?: boolean;
  rotationRate?: number;
}

/** `<blockio logical_block_size physical_block_size discard_granularity/>`. */
export interface DiskBlockio extends Extensible {
  logicalBlockSize?: number;
  physicalBlockSize?: number;
  discardGranularity?: number;
}

/** `<geometry cyls heads secs trans/>`. */
export interface DiskGeometry extends Extensible {
  cyls?: number;
  heads?: number;
  secs?: number;
  trans?: string;
}

/** `<iotune>`: per-disk I/O limits. */
export interface DiskIotune extends Extensible {
  totalBytesSec?: number;
  readBytesSec?: number;
  writeBytesSec?: number;
  totalIopsSec?: number;
  readIopsSec?: number;
  writeIopsSec?: number;
  totalBytesSecMax?: number;
  readBytesSecMax?: number;
  writeBytesSecMax?: number;
  totalIopsSecMax?: number;
  readIopsSecMax?: number;
  writeIopsSecMax?: number;
  sizeIopsSec?: number;
  groupName?: string;
  totalBytesSecMaxLength?: number;
  readBytesSecMaxLength?: number;
  writeBytesSecMaxLength?: number;
  totalIopsSecMaxLength?: number;
  readIopsSecMaxLength?: number;
  writeIopsSecMaxLength?: number;
}

/** `<transient shareBacking/>`: changes are discarded when the domain stops. */
export interface DiskTransient extends Extensible {
  /** `shareBacking='yes'|'no'`. */
  shareBacking?: boolean;
}

/** `<disk type device model snapshot rawio sgio>`. */
export interface Disk extends Extensible {
  /** Source type: `file`, `block`, `dir`, `network`, `volume`, `nvme`, `vhostuser`. */
  type?: string;
  /** `disk`, `cdrom`, `floppy`, `lun`. */
  device?: string;
  model?: string;
  snapshot?: string;
  /** `rawio='yes'|'no'`. */
  rawio?: boolean;
  sgio?: string;
  driver?: DiskDriver;
  auth?: SourceAuth;
  source?: DiskSource;
  backingStore?: DiskBackingStore;
  geometry?: DiskGeometry;
  blockio?: DiskBlockio;
  target: DiskTarget;
  iotune?: DiskIotune;
  readonly?: boolean;
  shareable?: boolean;
  transient?: DiskTransient;
  serial?: string;
  wwn?: string;
  vendor?: string;
  product?: string;
  boot?: DeviceBoot;
  acpi?: DeviceAcpi;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
