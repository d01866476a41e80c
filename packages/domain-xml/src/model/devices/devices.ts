import type { Extensible } from '../../xml/xml-node.ts';
import type { CharacterDevice } from './character-device.ts';
import type { Controller } from './controller.ts';
import type { Disk } from './disk.ts';
import type { Filesystem } from './filesystem.ts';
import type { Graphics } from './graphics.ts';
import type { Hostdev } from './hostdev.ts';
import type { Input } from './input.ts';
import type { Interface } from './interface.ts';
import type { Memballoon } from './memballoon.ts';
import type { MemoryDevice } from './memory-device.ts';
import type { Iommu, Lease, NvramDevice, Panic, Vsock, Watchdog } from './platform-devices.ts';
import type { Rng } from './rng.ts';
import type { Shmem } from './shmem.ts';
import type { Audio, Sound } from './sound.ts';
import type { Tpm } from './tpm.ts';
import type { Hub, Redirdev, Redirfilter, Smartcard } from './usb-devices.ts';
import type { Video } from './video.ts';

/**
 * `<devices>`: one array per device element, named in the plural. The formatter writes the groups
 * in libvirt's order; within a group the array order is the document order.
 */
export interface Devices extends Extensible {
  emulator?: string;
  disks?: Disk[];
  controllers?: Controller[];
  leases?: Lease[];
  filesystems?: Filesystem[];
  interfaces?: Interface[];
  smartcards?: Smartcard[];
  serials?: CharacterDevice[];
  parallels?: CharacterDevice[];
  consoles?: CharacterDevice[];
  channels?: CharacterDevice[];
  inputs?: Input[];
  tpms?: Tpm[];
  graphics?: Graphics[];
  sounds?: Sound[];
  audios?: Audio[];
  videos?: Video[];
  hostdevs?: Hostdev[];
  redirdevs?: Redirdev[];
  redirfilters?: Redirfilter[];
  hubs?: Hub[];
  watchdogs?: Watchdog[];
  memballoon?: Memballoon;
  rngs?: Rng[];
  nvram?: NvramDevice;
  panics?: Panic[];
  shmems?: Shmem[];
  memories?: MemoryDevice[];
  iommus?: Iommu[];
  vsock?: Vsock;
}
