import type { Cachetune, Cputune, DefaultIothread, EmulatorPin, Iothread, Iothreadids, IothreadPin, Numatune, NumatuneMemnode, NumatuneMemory, Resource, ThreadScheduler, Vcpu, VcpuPin, Vcpus, VcpuState } from '../model/cpu-tuning.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerAttribute, integerElement, integerText, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';

export const vcpuSpec = defineElement<Vcpu>({
  placement: stringAttribute('placement'),
  cpuset: stringAttribute('cpuset'),
  current: integerAttribute('current'),
  value: integerText(),
});

const vcpuStateSpec = defineElement<VcpuState>({
  id: integerAttribute('id'),
  enabled: yesNoAttribute('enabled'),
  hotpluggable: yesNoAttribute('hotpluggable'),
  order: integerAttribute('order'),
});

export const vcpusSpec = defineElement<Vcpus>({ vcpus: list('vcpu', vcpuStateSpec) });

const iothreadSpec = defineElement<Iothread>({
  id: integerAttribute('id'),
  threadPoolMin: integerAttribute('thread_pool_min'),
  threadPoolMax: integerAttribute('thread_pool_max'),
});

export const iothreadidsSpec = defineElement<Iothreadids>({ iothreads: list('iothread', iothreadSpec) });

export const defaultIothreadSpec = defineElement<DefaultIothread>({
  threadPoolMin: integerAttribute('thread_pool_min'),
  threadPoolMax: integerAttribute('thread_pool_max'),
});

const vcpuPinSpec = defineElement<VcpuPin>({ vcpu: integerAttribute('vcpu'), cpuset: stringAttribute('cpuset') });
const emulatorPinSpec = defineElement<EmulatorPin>({ cpuset: stringAttribute('cpuset') });
const iothreadPinSpec = defineElement<IothreadPin>({ iothread: integerAttribute('iothread'), cpuset: stringAttribute('cpuset') });

const schedulerSpec = defineElement<ThreadScheduler>({
  vcpus: stringAttribute('vcpus'),
  iothreads: stringAttribute('iothreads'),
  scheduler: stringAttribute('scheduler'),
  priority: integerAttribute('priority'),
});

const cachetuneSpec = defineElement<Cachetune>({ vcpus: stringAttribute('vcpus') });

export const cputuneSpec = defineElement<Cputune>({
  shares: integerElement('shares'),
  period: integerElement('period'),
  quota: integerElement('quota'),
  globalPeriod: integerElement('global_period'),
  globalQuota: integerElement('global_quota'),
  emulatorPeriod: integerElement('emulator_period'),
  emulatorQuota: integerElement('emulator_quota'),
  iothreadPeriod: integerElement('iothread_period'),
  iothreadQuota: integerElement('iothread_quota'),
  vcpupins: list('vcpupin', vcpuPinSpec),
  emulatorpin: child('emulatorpin', emulatorPinSpec),
  iothreadpins: list('iothreadpin', iothreadPinSpec),
  emulatorsched: child('emulatorsched', schedulerSpec),
  vcpuscheds: list('vcpusched', schedulerSpec),
  iothreadscheds: list('iothreadsched', schedulerSpec),
  cachetunes: list('cachetune', cachetuneSpec),
});

const numatuneMemorySpec = defineElement<NumatuneMemory>({
  mode: stringAttribute('mode'),
  placement: stringAttribute('placement'),
  nodeset: stringAttribute('nodeset'),
});

const memnodeSpec = defineElement<NumatuneMemnode>({
  cellid: integerAttribute('cellid'),
  mode: stringAttribute('mode'),
  nodeset: stringAttribute('nodeset'),
});

export const numatuneSpec = defineElement<Numatune>({ memory: child('memory', numatuneMemorySpec), memnodes: list('memnode', memnodeSpec) });

export const resourceSpec = defineElement<Resource>({ partition: stringElement('partition') });
