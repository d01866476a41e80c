// Specs of the smaller device elements (each a handful of fields).
import type { Filesystem, FilesystemBinary, FilesystemDriver, FilesystemSource, FilesystemTarget } from '../model/devices/filesystem.ts';
import type { Input, InputSource } from '../model/devices/input.ts';
import type { Memballoon, MemballoonStats } from '../model/devices/memballoon.ts';
import type { Iommu, IommuDriver, Lease, LeaseTarget, NvramDevice, Panic, Vsock, VsockCid, Watchdog } from '../model/devices/platform-devices.ts';
import type { Rng, RngBackend, RngRate } from '../model/devices/rng.ts';
import type { Shmem, ShmemModel, ShmemMsi, ShmemServer } from '../model/devices/shmem.ts';
import type { Audio, Sound, SoundAudioRef, SoundCodec } from '../model/devices/sound.ts';
import type { Tpm, TpmBackend, TpmDevice, TpmEncryption, TpmSource } from '../model/devices/tpm.ts';
import type { Hub, Redirdev, Redirfilter, RedirfilterRule, Smartcard } from '../model/devices/usb-devices.ts';
import type { Video, VideoAcceleration, VideoDriver, VideoModel, VideoResolution } from '../model/devices/video.ts';
import { child, defineElement, flag, list } from '../xml/element-spec.ts';
import { characterProtocolSpec, characterSourceSpec } from './character-device.ts';
import { acpiSpec, addressSpec, aliasSpec, bootSpec, scaledIntegerSpec, virtioDriverSpec, virtioOptionFields } from './common.ts';
import { integerAttribute, onOffAttribute, stringAttribute, stringElement, stringText, yesNoAttribute } from './fields.ts';

export const filesystemSpec = defineElement<Filesystem>({
  type: stringAttribute('type'),
  accessmode: stringAttribute('accessmode'),
  model: stringAttribute('model'),
  multidevs: stringAttribute('multidevs'),
  fmode: stringAttribute('fmode'),
  dmode: stringAttribute('dmode'),
  driver: child('driver', defineElement<FilesystemDriver>({ type: stringAttribute('type'), format: stringAttribute('format'), wrpolicy: stringAttribute('wrpolicy'), queue: integerAttribute('queue'), ...virtioOptionFields })),
  binary: child('binary', defineElement<FilesystemBinary>({ path: stringAttribute('path'), xattr: onOffAttribute('xattr') })),
  source: child('source', defineElement<FilesystemSource>({ dir: stringAttribute('dir'), file: stringAttribute('file'), name: stringAttribute('name'), socket: stringAttribute('socket'), usage: integerAttribute('usage'), units: stringAttribute('units') })),
  target: child('target', defineElement<FilesystemTarget>({ dir: stringAttribute('dir') })),
  readonly: flag('readonly'),
  boot: child('boot', bootSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const inputSpec = defineElement<Input>({
  type: stringAttribute('type'),
  bus: stringAttribute('bus'),
  model: stringAttribute('model'),
  driver: child('driver', virtioDriverSpec),
  source: child('source', defineElement<InputSource>({ evdev: stringAttribute('evdev'), dev: stringAttribute('dev'), grab: stringAttribute('grab'), grabToggle: stringAttribute('grabToggle'), repeat: onOffAttribute('repeat') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const soundSpec = defineElement<Sound>({
  model: stringAttribute('model'),
  codecs: list('codec', defineElement<SoundCodec>({ type: stringAttribute('type') })),
  audio: child('audio', defineElement<SoundAudioRef>({ id: integerAttribute('id') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const audioSpec = defineElement<Audio>({ id: integerAttribute('id'), type: stringAttribute('type'), timerPeriod: integerAttribute('timerPeriod') });

const videoModelSpec = defineElement<VideoModel>({
  type: stringAttribute('type'),
  ram: integerAttribute('ram'),
  vram: integerAttribute('vram'),
  vram64: integerAttribute('vram64'),
  vgamem: integerAttribute('vgamem'),
  heads: integerAttribute('heads'),
  primary: yesNoAttribute('primary'),
  blob: onOffAttribute('blob'),
  acceleration: child('acceleration', defineElement<VideoAcceleration>({ accel3d: yesNoAttribute('accel3d'), accel2d: yesNoAttribute('accel2d'), rendernode: stringAttribute('rendernode') })),
  resolution: child('resolution', defineElement<VideoResolution>({ x: integerAttribute('x'), y: integerAttribute('y') })),
});

export const videoSpec = defineElement<Video>({
  driver: child('driver', defineElement<VideoDriver>({ name: stringAttribute('name'), vgaconf: stringAttribute('vgaconf'), ...virtioOptionFields })),
  model: child('model', videoModelSpec),
  acpi: child('acpi', acpiSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const memballoonSpec = defineElement<Memballoon>({
  model: stringAttribute('model'),
  autodeflate: onOffAttribute('autodeflate'),
  freePageReporting: onOffAttribute('freePageReporting'),
  stats: child('stats', defineElement<MemballoonStats>({ period: integerAttribute('period') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
  driver: child('driver', virtioDriverSpec),
});

export const rngSpec = defineElement<Rng>({
  model: stringAttribute('model'),
  rate: child('rate', defineElement<RngRate>({ bytes: integerAttribute('bytes'), period: integerAttribute('period') })),
  backend: child('backend', defineElement<RngBackend>({ model: stringAttribute('model'), type: stringAttribute('type'), value: stringText(), sources: list('source', characterSourceSpec), protocol: child('protocol', characterProtocolSpec) })),
  driver: child('driver', virtioDriverSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

const tpmBackendSpec = defineElement<TpmBackend>({
  type: stringAttribute('type'),
  version: stringAttribute('version'),
  persistentState: yesNoAttribute('persistent_state'),
  debug: integerAttribute('debug'),
  device: child('device', defineElement<TpmDevice>({ path: stringAttribute('path') })),
  encryption: child('encryption', defineElement<TpmEncryption>({ secret: stringAttribute('secret') })),
  source: child('source', defineElement<TpmSource>({ type: stringAttribute('type'), path: stringAttribute('path'), mode: stringAttribute('mode') })),
});

export const tpmSpec = defineElement<Tpm>({ model: stringAttribute('model'), backend: child('backend', tpmBackendSpec), alias: child('alias', aliasSpec), address: child('address', addressSpec) });

export const watchdogSpec = defineElement<Watchdog>({ model: stringAttribute('model'), action: stringAttribute('action'), alias: child('alias', aliasSpec), address: child('address', addressSpec) });
export const panicSpec = defineElement<Panic>({ model: stringAttribute('model'), alias: child('alias', aliasSpec), address: child('address', addressSpec) });

export const vsockSpec = defineElement<Vsock>({
  model: stringAttribute('model'),
  cid: child('cid', defineElement<VsockCid>({ auto: yesNoAttribute('auto'), address: integerAttribute('address') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
  driver: child('driver', virtioDriverSpec),
});

export const iommuSpec = defineElement<Iommu>({
  model: stringAttribute('model'),
  driver: child('driver', defineElement<IommuDriver>({ intremap: onOffAttribute('intremap'), cachingMode: onOffAttribute('caching_mode'), eim: onOffAttribute('eim'), iotlb: onOffAttribute('iotlb'), awBits: integerAttribute('aw_bits') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const nvramDeviceSpec = defineElement<NvramDevice>({ alias: child('alias', aliasSpec), address: child('address', addressSpec) });

export const leaseSpec = defineElement<Lease>({
  lockspace: stringElement('lockspace'),
  key: stringElement('key'),
  target: child('target', defineElement<LeaseTarget>({ path: stringAttribute('path'), offset: integerAttribute('offset') })),
});

export const redirdevSpec = defineElement<Redirdev>({
  bus: stringAttribute('bus'),
  type: stringAttribute('type'),
  sources: list('source', characterSourceSpec),
  protocol: child('protocol', characterProtocolSpec),
  boot: child('boot', bootSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

const redirfilterRuleSpec = defineElement<RedirfilterRule>({
  class: stringAttribute('class'),
  vendor: stringAttribute('vendor'),
  product: stringAttribute('product'),
  version: stringAttribute('version'),
  allow: yesNoAttribute('allow'),
});

export const redirfilterSpec = defineElement<Redirfilter>({ usbdevs: list('usbdev', redirfilterRuleSpec) });
export const hubSpec = defineElement<Hub>({ type: stringAttribute('type'), alias: child('alias', aliasSpec), address: child('address', addressSpec) });

export const smartcardSpec = defineElement<Smartcard>({
  mode: stringAttribute('mode'),
  type: stringAttribute('type'),
  sources: list('source', characterSourceSpec),
  protocol: child('protocol', characterProtocolSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});

export const shmemSpec = defineElement<Shmem>({
  name: stringAttribute('name'),
  role: stringAttribute('role'),
  model: child('model', defineElement<ShmemModel>({ type: stringAttribute('type') })),
  size: child('size', scaledIntegerSpec),
  server: child('server', defineElement<ShmemServer>({ path: stringAttribute('path') })),
  msi: child('msi', defineElement<ShmemMsi>({ vectors: integerAttribute('vectors'), ioeventfd: onOffAttribute('ioeventfd') })),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
