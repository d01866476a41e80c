import type { Devices } from '../model/devices/devices.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { characterDeviceSpec } from './character-device.ts';
import { controllerSpec } from './controller.ts';
import { diskSpec } from './disk.ts';
import { stringElement } from './fields.ts';
import { graphicsSpec } from './graphics.ts';
import { hostdevSpec } from './hostdev.ts';
import { interfaceSpec } from './interface.ts';
import { memoryDeviceSpec } from './memory-device.ts';
import { audioSpec, filesystemSpec, hubSpec, inputSpec, iommuSpec, leaseSpec, memballoonSpec, nvramDeviceSpec, panicSpec, redirdevSpec, redirfilterSpec, rngSpec, shmemSpec, smartcardSpec, soundSpec, tpmSpec, videoSpec, vsockSpec, watchdogSpec } from './small-devices.ts';

// Field order is the order libvirt's formatter writes device groups in.
export const devicesSpec = defineElement<Devices>({
  emulator: stringElement('emulator'),
  disks: list('disk', diskSpec),
  controllers: list('controller', controllerSpec),
  leases: list('lease', leaseSpec),
  filesystems: list('filesystem', filesystemSpec),
  interfaces: list('interface', interfaceSpec),
  smartcards: list('smartcard', smartcardSpec),
  serials: list('serial', characterDeviceSpec),
  parallels: list('parallel', characterDeviceSpec),
  consoles: list('console', characterDeviceSpec),
  channels: list('channel', characterDeviceSpec),
  inputs: list('input', inputSpec),
  tpms: list('tpm', tpmSpec),
  graphics: list('graphics', graphicsSpec),
  sounds: list('sound', soundSpec),
  audios: list('audio', audioSpec),
  videos: list('video', videoSpec),
  hostdevs: list('hostdev', hostdevSpec),
  redirdevs: list('redirdev', redirdevSpec),
  redirfilters: list('redirfilter', redirfilterSpec),
  hubs: list('hub', hubSpec),
  watchdogs: list('watchdog', watchdogSpec),
  memballoon: child('memballoon', memballoonSpec),
  rngs: list('rng', rngSpec),
  nvram: child('nvram', nvramDeviceSpec),
  panics: list('panic', panicSpec),
  shmems: list('shmem', shmemSpec),
  memories: list('memory', memoryDeviceSpec),
  iommus: list('iommu', iommuSpec),
  vsock: child('vsock', vsockSpec),
});
