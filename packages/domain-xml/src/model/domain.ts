import type { Extensible, XmlElement } from '../xml/xml-node.ts';
import type { Clock, PowerManagement } from './clock.ts';
import type { SecurityLabel } from './common.ts';
import type { Cpu } from './cpu.ts';
import type { Cputune, DefaultIothread, Iothreadids, Numatune, Resource, Vcpu, Vcpus } from './cpu-tuning.ts';
import type { Devices } from './devices/devices.ts';
import type { Features } from './features.ts';
import type { LaunchSecurity, Keywrap } from './launch-security.ts';
import type { Blkiotune, MaxMemory, Memory, MemoryBacking, Memtune } from './memory.ts';
import type { Os, Idmap } from './os.ts';
import type { QemuCapabilities, QemuCommandline } from './qemu.ts';
import type { Sysinfo } from './sysinfo.ts';
import type { ScaledInteger } from './common.ts';

/** The XML namespace of kvmkit's own `<metadata>` element. */
export const KVMKIT_METADATA_NAMESPACE = 'https://kvmkit.dev/xmlns/domain/1';

/** What kvmkit records about the VirtualMachineInstance a domain was made from. */
export interface KvmkitMetadata extends Extensible {
  /** `<kvmkit:vmi namespace name uid/>`: the VMI's identity. */
  vmi?: KvmkitVmiIdentity;
  /** `<kvmkit:specHash>`: hash of the VMI spec the domain was generated from. */
  specHash?: string;
}

export interface KvmkitVmiIdentity extends Extensible {
  namespace?: string;
  name?: string;
  uid?: string;
}

/**
 * `<metadata>`: namespaced custom elements. kvmkit's own element (namespace
 * {@link KVMKIT_METADATA_NAMESPACE}, written `kvmkit:domain`) is typed; every other element is kept
 * as generic XML in document order.
 */
export interface Metadata extends Extensible {
  kvmkit?: KvmkitMetadata;
  /** Other applications' elements, e.g. `<libosinfo:libosinfo xmlns:libosinfo='…'>`. */
  elements?: XmlElement[];
}

/** `<perf><event name enabled/></perf>`. */
export interface Perf extends Extensible {
  events: PerfEvent[];
}

export interface PerfEvent extends Extensible {
  name: string;
  /** `enabled='yes'|'no'`. */
  enabled?: boolean;
}

/** The root `<domain>` element. Field order follows libvirt's formatter. */
export interface Domain extends Extensible {
  /** Hypervisor: `kvm`, `qemu`, `hvf`, `test`, … */
  type: string;
  /** Runtime id of a running domain (absent when inactive). */
  id?: number;
  name: string;
  uuid?: string;
  /** `<genid>`: VM generation id (a UUID, or empty to let libvirt pick one). */
  genid?: string;
  title?: string;
  description?: string;
  metadata?: Metadata;
  maxMemory?: MaxMemory;
  memory?: Memory;
  currentMemory?: ScaledInteger;
  blkiotune?: Blkiotune;
  memoryBacking?: MemoryBacking;
  memtune?: Memtune;
  vcpu?: Vcpu;
  vcpus?: Vcpus;
  /** `<iothreads>N</iothreads>`: number of IOThreads. */
  iothreads?: number;
  iothreadids?: Iothreadids;
  defaultiothread?: DefaultIothread;
  cputune?: Cputune;
  numatune?: Numatune;
  resource?: Resource;
  /** `<sysinfo>`, once per type (`smbios`, `fwcfg`). */
  sysinfos?: Sysinfo[];
  bootloader?: string;
  bootloaderArgs?: string;
  os?: Os;
  idmap?: Idmap;
  features?: Features;
  cpu?: Cpu;
  clock?: Clock;
  /** `<on_poweroff>`: `destroy`, `restart`, `preserve`, `rename-restart`. */
  onPoweroff?: string;
  onReboot?: string;
  /** `<on_crash>`: also `coredump-destroy`, `coredump-restart`. */
  onCrash?: string;
  onLockfailure?: string;
  pm?: PowerManagement;
  perf?: Perf;
  devices?: Devices;
  /** Domain-wide `<seclabel>`, one per security driver. */
  seclabels?: SecurityLabel[];
  keywrap?: Keywrap;
  launchSecurity?: LaunchSecurity;
  /** `<qemu:commandline>` (namespace `http://libvirt.org/schemas/domain/qemu/1.0`). */
  qemuCommandline?: QemuCommandline;
  /** `<qemu:capabilities>`: QEMU capabilities to add or remove. */
  qemuCapabilities?: QemuCapabilities;
}
