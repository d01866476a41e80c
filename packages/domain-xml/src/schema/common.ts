import type { DeviceAcpi, DeviceAddress, DeviceAlias, DeviceBoot, DeviceRom, ScaledInteger, SecurityLabel, VirtioOptions, ZpciAddress } from '../model/common.ts';
import { child, defineElement, type FieldsOf } from '../xml/element-spec.ts';
import { integerAttribute, integerText, onOffAttribute, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';

export const scaledIntegerSpec = defineElement<ScaledInteger>({ value: integerText(), unit: stringAttribute('unit') });

const zpciSpec = defineElement<ZpciAddress>({ uid: stringAttribute('uid'), fid: stringAttribute('fid') });

export const addressSpec = defineElement<DeviceAddress>({
  type: stringAttribute('type'),
  domain: stringAttribute('domain'),
  bus: stringAttribute('bus'),
  slot: stringAttribute('slot'),
  function: stringAttribute('function'),
  multifunction: onOffAttribute('multifunction'),
  controller: stringAttribute('controller'),
  target: stringAttribute('target'),
  unit: stringAttribute('unit'),
  port: stringAttribute('port'),
  reg: stringAttribute('reg'),
  cssid: stringAttribute('cssid'),
  ssid: stringAttribute('ssid'),
  devno: stringAttribute('devno'),
  iobase: stringAttribute('iobase'),
  irq: stringAttribute('irq'),
  base: stringAttribute('base'),
  zpci: child('zpci', zpciSpec),
});

export const aliasSpec = defineElement<DeviceAlias>({ name: stringAttribute('name') });
export const bootSpec = defineElement<DeviceBoot>({ order: integerAttribute('order'), loadparm: stringAttribute('loadparm') });
export const acpiSpec = defineElement<DeviceAcpi>({ index: integerAttribute('index') });
export const romSpec = defineElement<DeviceRom>({ bar: onOffAttribute('bar'), file: stringAttribute('file'), enabled: yesNoAttribute('enabled') });

/** Attribute fields every virtio `<driver>` accepts; spread into driver specs. */
export const virtioOptionFields: FieldsOf<VirtioOptions> = {
  iommu: onOffAttribute('iommu'),
  ats: onOffAttribute('ats'),
  packed: onOffAttribute('packed'),
  pagePerVq: onOffAttribute('page_per_vq'),
};

export const virtioDriverSpec = defineElement<VirtioOptions>(virtioOptionFields);

export const securityLabelSpec = defineElement<SecurityLabel>({
  type: stringAttribute('type'),
  model: stringAttribute('model'),
  relabel: yesNoAttribute('relabel'),
  label: stringElement('label'),
  imagelabel: stringElement('imagelabel'),
  baselabel: stringElement('baselabel'),
});

