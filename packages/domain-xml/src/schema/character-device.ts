import type { CharacterDevice, CharacterLog, CharacterProtocol, CharacterSource, CharacterTarget, CharacterTargetModel } from '../model/devices/character-device.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { addressSpec, aliasSpec, securityLabelSpec } from './common.ts';
import { integerAttribute, onOffAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

export const characterSourceSpec = defineElement<CharacterSource>({
  path: stringAttribute('path'),
  mode: stringAttribute('mode'),
  host: stringAttribute('host'),
  service: stringAttribute('service'),
  tls: yesNoAttribute('tls'),
  append: onOffAttribute('append'),
  channel: stringAttribute('channel'),
  master: stringAttribute('master'),
  slave: stringAttribute('slave'),
  seclabels: list('seclabel', securityLabelSpec),
});

export const characterProtocolSpec = defineElement<CharacterProtocol>({ type: stringAttribute('type') });

const targetSpec = defineElement<CharacterTarget>({
  type: stringAttribute('type'),
  port: integerAttribute('port'),
  name: stringAttribute('name'),
  state: stringAttribute('state'),
  address: stringAttribute('address'),
  model: child('model', defineElement<CharacterTargetModel>({ name: stringAttribute('name') })),
});

export const characterDeviceSpec = defineElement<CharacterDevice>({
  type: stringAttribute('type'),
  tty: stringAttribute('tty'),
  sources: list('source', characterSourceSpec),
  protocol: child('protocol', characterProtocolSpec),
  log: child('log', defineElement<CharacterLog>({ file: stringAttribute('file'), append: onOffAttribute('append') })),
  target: child('target', targetSpec),
  alias: child('alias', aliasSpec),
  address: child('address', addressSpec),
});
