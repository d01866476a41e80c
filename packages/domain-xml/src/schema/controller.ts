import type { Controller, ControllerDriver, ControllerMaster, ControllerModel, ControllerTarget } from '../model/devices/controller.ts';
import { child, defineElement } from '../xml/element-spec.ts';
import { addressSpec, aliasSpec, scaledIntegerSpec, virtioOptionFields } from './common.ts';
import { integerAttribute, onOffAttribute, stringAttribute } from './fields.ts';

const targetSpec = defineElement<ControllerTarget>({
  chassisNr: integerAttribute('chassisNr'),
  chassis: integerAttribute('chassis'),
  port: stringAttribute('port'),
  busNr: integerAttribute('busNr'),
  index: integerAttribute('index'),
  hotplug: onOffAttribute('hotplug'),
  memReserve: integerAttribute('memReserve'),
  node: integerAttribute('node'),
});

const driverSpec = defineElement<ControllerDriver>({
  queues: integerAttribute('queues'),
  cmdPerLun: integerAttribute('cmd_per_lun'),
  maxSectors: integerAttribute('max_sectors'),
  ioeventfd: onOffAttribute('ioeventfd'),
  iothread: integerAttribute('iothread'),
  ...virtioOptionFields,
});

export const controllerSpec = defineElement<Controller>({
  type: stringAttribute('type'),
  index: integerAttribute('index'),
  model: stringAttribute('model'),
  ports: integerAttribute('ports'),
  vectors: integerAttribute('vectors'),
  maxGrantFrames: integerAttribute('maxGrantFrames'),
  modelName: child('model', defineElement<ControllerModel>({ name: stringAttribute('name') })),
  target: child('target', targetSpec),
  master: child('master', defineElement<ControllerMaster>({ startport: integerAttribute('startport') })),
  driver: child('driver', driverSpec),
  pcihole64: child('pcihole64', scaledIntegerSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
