import type { Blkiotune, BlkiotuneDevice, HugepagePage, Hugepages, MaxMemory, Memory, MemoryAccess, MemoryAllocation, MemoryBacking, MemorySource, Memtune } from '../model/memory.ts';
import { child, defineElement, flag, list } from '../xml/element-spec.ts';
import { scaledIntegerSpec } from './common.ts';
import { integerAttribute, integerElement, integerText, onOffAttribute, stringAttribute, stringElement } from './fields.ts';

export const maxMemorySpec = defineElement<MaxMemory>({ slots: integerAttribute('slots'), unit: stringAttribute('unit'), value: integerText() });
export const memorySpec = defineElement<Memory>({ unit: stringAttribute('unit'), dumpCore: onOffAttribute('dumpCore'), value: integerText() });

const pageSpec = defineElement<HugepagePage>({ size: integerAttribute('size'), unit: stringAttribute('unit'), nodeset: stringAttribute('nodeset') });
const hugepagesSpec = defineElement<Hugepages>({ pages: list('page', pageSpec) });

export const memoryBackingSpec = defineElement<MemoryBacking>({
  hugepages: child('hugepages', hugepagesSpec),
  nosharepages: flag('nosharepages'),
  locked: flag('locked'),
  source: child('source', defineElement<MemorySource>({ type: stringAttribute('type') })),
  access: child('access', defineElement<MemoryAccess>({ mode: stringAttribute('mode') })),
  allocation: child('allocation', defineElement<MemoryAllocation>({ mode: stringAttribute('mode'), threads: integerAttribute('threads') })),
  discard: flag('discard'),
});

export const memtuneSpec = defineElement<Memtune>({
  hardLimit: child('hard_limit', scaledIntegerSpec),
  softLimit: child('soft_limit', scaledIntegerSpec),
  swapHardLimit: child('swap_hard_limit', scaledIntegerSpec),
  minGuarantee: child('min_guarantee', scaledIntegerSpec),
});

const blkiotuneDeviceSpec = defineElement<BlkiotuneDevice>({
  path: stringElement('path'),
  weight: integerElement('weight'),
  readIopsSec: integerElement('read_iops_sec'),
  writeIopsSec: integerElement('write_iops_sec'),
  readBytesSec: integerElement('read_bytes_sec'),
  writeBytesSec: integerElement('write_bytes_sec'),
});

export const blkiotuneSpec = defineElement<Blkiotune>({ weight: integerElement('weight'), devices: list('device', blkiotuneDeviceSpec) });
