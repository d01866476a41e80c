import type { AcpiTable, AuthSecret, FirmwareFeature, Idmap, IdmapRange, NvramSource, Os, OsAcpi, OsBios, OsBoot, OsBootmenu, OsFirmware, OsLoader, OsNvram, OsSmbios, OsType, SourceAuth, SourceHost } from '../model/os.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerAttribute, stringAttribute, stringElement, stringText, yesNoAttribute } from './fields.ts';

export const sourceHostSpec = defineElement<SourceHost>({
  name: stringAttribute('name'),
  port: integerAttribute('port'),
  transport: stringAttribute('transport'),
  socket: stringAttribute('socket'),
});

const secretSpec = defineElement<AuthSecret>({ type: stringAttribute('type'), usage: stringAttribute('usage'), uuid: stringAttribute('uuid') });
export const sourceAuthSpec = defineElement<SourceAuth>({ username: stringAttribute('username'), secret: child('secret', secretSpec) });

const typeSpec = defineElement<OsType>({ arch: stringAttribute('arch'), machine: stringAttribute('machine'), value: stringText() });

const loaderSpec = defineElement<OsLoader>({
  readonly: yesNoAttribute('readonly'),
  secure: yesNoAttribute('secure'),
  stateless: yesNoAttribute('stateless'),
  type: stringAttribute('type'),
  format: stringAttribute('format'),
  value: stringText(),
});

const nvramSourceSpec = defineElement<NvramSource>({
  file: stringAttribute('file'),
  dev: stringAttribute('dev'),
  protocol: stringAttribute('protocol'),
  name: stringAttribute('name'),
  hosts: list('host', sourceHostSpec),
  auth: child('auth', sourceAuthSpec),
});

const nvramSpec = defineElement<OsNvram>({
  template: stringAttribute('template'),
  type: stringAttribute('type'),
  format: stringAttribute('format'),
  value: stringText(),
  source: child('source', nvramSourceSpec),
});

const firmwareFeatureSpec = defineElement<FirmwareFeature>({ enabled: yesNoAttribute('enabled'), name: stringAttribute('name') });
const firmwareSpec = defineElement<OsFirmware>({ features: list('feature', firmwareFeatureSpec) });
const tableSpec = defineElement<AcpiTable>({ type: stringAttribute('type'), value: stringText() });

export const osSpec = defineElement<Os>({
  firmware: stringAttribute('firmware'),
  type: child('type', typeSpec),
  firmwareFeatures: child('firmware', firmwareSpec),
  init: stringElement('init'),
  loader: child('loader', loaderSpec),
  nvram: child('nvram', nvramSpec),
  kernel: stringElement('kernel'),
  initrd: stringElement('initrd'),
  cmdline: stringElement('cmdline'),
  dtb: stringElement('dtb'),
  acpi: child('acpi', defineElement<OsAcpi>({ tables: list('table', tableSpec) })),
  boots: list('boot', defineElement<OsBoot>({ dev: stringAttribute('dev') })),
  bootmenu: child('bootmenu', defineElement<OsBootmenu>({ enable: yesNoAttribute('enable'), timeout: integerAttribute('timeout') })),
  smbios: child('smbios', defineElement<OsSmbios>({ mode: stringAttribute('mode') })),
  bios: child('bios', defineElement<OsBios>({ useserial: yesNoAttribute('useserial'), rebootTimeout: integerAttribute('rebootTimeout') })),
});

const idmapRangeSpec = defineElement<IdmapRange>({ start: integerAttribute('start'), target: integerAttribute('target'), count: integerAttribute('count') });
export const idmapSpec = defineElement<Idmap>({ uids: list('uid', idmapRangeSpec), gids: list('gid', idmapRangeSpec) });
