import type { Extensible } from '../xml/xml-node.ts';

/** `<type arch machine>hvm</type>`. */
export interface OsType extends Extensible {
  /** `hvm`, `linux`, `exe`, `xen`. */
  value: string;
  arch?: string;
  machine?: string;
}

/** `<loader readonly secure type stateless format>PATH</loader>`. */
export interface OsLoader extends Extensible {
  value?: string;
  /** `readonly='yes'|'no'`. */
  readonly?: boolean;
  /** `secure='yes'|'no'`. */
  secure?: boolean;
  /** `stateless='yes'|'no'`. */
  stateless?: boolean;
  /** `rom` or `pflash`. */
  type?: string;
  format?: string;
}

/** `<host name port transport socket/>` of a network source. */
export interface SourceHost extends Extensible {
  name?: string;
  port?: number;
  transport?: string;
  socket?: string;
}

/** `<secret type usage uuid/>` referenced by an `<auth>`. */
export interface AuthSecret extends Extensible {
  type?: string;
  usage?: string;
  uuid?: string;
}

/** `<auth username><secret/></auth>`. */
export interface SourceAuth extends Extensible {
  username?: string;
  secret?: AuthSecret;
}

/** `<source>` of `<nvram type='file|block|network'>`. */
export interface NvramSource extends Extensible {
  file?: string;
  dev?: string;
  protocol?: string;
  name?: string;
  hosts?: SourceHost[];
  auth?: SourceAuth;
}

/** `<nvram template type format>PATH</nvram>`. */
export interface OsNvram extends Extensible {
  value?: string;
  template?: string;
  type?: string;
  format?: string;
  source?: NvramSource;
}

/** `<feature enabled name/>` inside `<os><firmware>`. */
export interface FirmwareFeature extends Extensible {
  /** `enabled='yes'|'no'`. */
  enabled: boolean;
  /** `enrolled-keys`, `secure-boot`. */
  name: string;
}

/** `<firmware>` inside `<os>`. */
export interface OsFirmware extends Extensible {
  features?: FirmwareFeature[];
}

/** `<boot dev/>`: `hd`, `cdrom`, `fd`, `network`. */
export interface OsBoot extends Extensible {
  dev: string;
}

/** `<bootmenu enable timeout/>`. */
export interface OsBootmenu extends Extensible {
  /** `enable='yes'|'no'`. */
  enable?: boolean;
  timeout?: number;
}

/** `<bios useserial rebootTimeout/>`. */
export interface OsBios extends Extensible {
  /** `useserial='yes'|'no'`. */
  useserial?: boolean;
  rebootTimeout?: number;
}

/** `<smbios mode/>`: `emulate`, `host`, `sysinfo`. */
export interface OsSmbios extends Extensible {
  mode: string;
}

/** `<table type>PATH</table>` inside `<acpi>`. */
export interface AcpiTable extends Extensible {
  value: string;
  /** `raw`, `rawset`, `slic`, `msdm`. */
  type: string;
}

/** `<acpi>` inside `<os>`. */
export interface OsAcpi extends Extensible {
  tables: AcpiTable[];
}

/** `<os firmware>`. */
export interface Os extends Extensible {
  /** `firmware='bios'|'efi'`: let libvirt pick a loader. */
  firmware?: string;
  type: OsType;
  init?: string;
  loader?: OsLoader;
  nvram?: OsNvram;
  kernel?: string;
  initrd?: string;
  cmdline?: string;
  dtb?: string;
  acpi?: OsAcpi;
  /** The `<firmware>` element (the attribute `firmware` is taken). */
  firmwareFeatures?: OsFirmware;
  boots?: OsBoot[];
  bootmenu?: OsBootmenu;
  bios?: OsBios;
  smbios?: OsSmbios;
}

/** `<uid start target count/>` / `<gid …/>` inside `<idmap>`. */
export interface IdmapRange extends Extensible {
  start: number;
  target: number;
  count: number;
}

/** `<idmap>` (containers). */
export interface Idmap extends Extensible {
  uids?: IdmapRange[];
  gids?: IdmapRange[];
}
