import type { Domain, Perf, PerfEvent } from '../model/domain.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { clockSpec, pmSpec } from './clock.ts';
import { scaledIntegerSpec, securityLabelSpec } from './common.ts';
import { cpuSpec } from './cpu.ts';
import { cputuneSpec, defaultIothreadSpec, iothreadidsSpec, numatuneSpec, resourceSpec, vcpuSpec, vcpusSpec } from './cpu-tuning.ts';
import { devicesSpec } from './devices.ts';
import { featuresSpec } from './features.ts';
import { integerAttribute, integerElement, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';
import { keywrapSpec, launchSecuritySpec } from './launch-security.ts';
import { blkiotuneSpec, maxMemorySpec, memoryBackingSpec, memorySpec, memtuneSpec } from './memory.ts';
import { metadataField } from './metadata.ts';
import { idmapSpec, osSpec } from './os.ts';
import { qemuCapabilitiesSpec, qemuCommandlineSpec } from './qemu.ts';
import { sysinfoSpec } from './sysinfo.ts';

const perfSpec = defineElement<Perf>({ events: list('event', defineElement<PerfEvent>({ name: stringAttribute('name'), enabled: yesNoAttribute('enabled') })) });

// Field order is the order libvirt's formatter writes the children of <domain> in.
export const domainSpec = defineElement<Domain>({
  type: stringAttribute('type'),
  id: integerAttribute('id'),
  name: stringElement('name'),
  uuid: stringElement('uuid'),
  genid: stringElement('genid'),
  title: stringElement('title'),
  description: stringElement('description'),
  metadata: metadataField,
  maxMemory: child('maxMemory', maxMemorySpec),
  memory: child('memory', memorySpec),
  currentMemory: child('currentMemory', scaledIntegerSpec),
  blkiotune: child('blkiotune', blkiotuneSpec),
  memoryBacking: child('memoryBacking', memoryBackingSpec),
  memtune: child('memtune', memtuneSpec),
  vcpu: child('vcpu', vcpuSpec),
  vcpus: child('vcpus', vcpusSpec),
  iothreads: integerElement('iothreads'),
  iothreadids: child('iothreadids', iothreadidsSpec),
  defaultiothread: child('defaultiothread', defaultIothreadSpec),
  cputune: child('cputune', cputuneSpec),
  numatune: child('numatune', numatuneSpec),
  resource: child('resource', resourceSpec),
  sysinfos: list('sysinfo', sysinfoSpec),
  bootloader: stringElement('bootloader'),
  bootloaderArgs: stringElement('bootloader_args'),
  os: child('os', osSpec),
  idmap: child('idmap', idmapSpec),
  features: child('features', featuresSpec),
  cpu: child('cpu', cpuSpec),
  clock: child('clock', clockSpec),
  onPoweroff: stringElement('on_poweroff'),
  onReboot: stringElement('on_reboot'),
  onCrash: stringElement('on_crash'),
  onLockfailure: stringElement('on_lockfailure'),
  pm: child('pm', pmSpec),
  perf: child('perf', perfSpec),
  devices: child('devices', devicesSpec),
  seclabels: list('seclabel', securityLabelSpec),
  keywrap: child('keywrap', keywrapSpec),
  launchSecurity: child('launchSecurity', launchSecuritySpec),
  qemuCommandline: child('qemu:commandline', qemuCommandlineSpec),
  qemuCapabilities: child('qemu:capabilities', qemuCapabilitiesSpec),
});
