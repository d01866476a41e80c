import type { MemoryDevice, MemoryDeviceLabel, MemoryDeviceSource, MemoryDeviceTarget, MemoryDeviceTargetAddress } from '../model/devices/memory-device.ts';
import { child, defineElement, flag } from '../xml/element-spec.ts';
import { addressSpec, aliasSpec, scaledIntegerSpec } from './common.ts';
import { integerElement, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';

const sourceSpec = defineElement<MemoryDeviceSource>({
  nodemask: stringElement('nodemask'),
  pagesize: child('pagesize', scaledIntegerSpec),
  path: stringElement('path'),
  alignsize: child('alignsize', scaledIntegerSpec),
  pmem: flag('pmem'),
});

const targetSpec = defineElement<MemoryDeviceTarget>({
  dynamicMemslots: yesNoAttribute('dynamicMemslots'),
  size: child('size', scaledIntegerSpec),
  node: integerElement('node'),
  label: child('label', defineElement<MemoryDeviceLabel>({ size: child('size', scaledIntegerSpec) })),
  readonly: flag('readonly'),
  block: child('block', scaledIntegerSpec),
  requested: child('requested', scaledIntegerSpec),
  current: child('current', scaledIntegerSpec),
  address: child('address', defineElement<MemoryDeviceTargetAddress>({ base: stringAttribute('base') })),
});

export const memoryDeviceSpec = defineElement<MemoryDevice>({
  model: stringAttribute('model'),
  access: stringAttribute('access'),
  discard: yesNoAttribute('discard'),
  uuid: stringElement('uuid'),
  source: child('source', sourceSpec),
  target: child('target', targetSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
