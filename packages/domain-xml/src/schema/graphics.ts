import type { Graphics, GraphicsChannel, GraphicsGl, GraphicsListen } from '../model/devices/graphics.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

const listenSpec = defineElement<GraphicsListen>({
  type: stringAttribute('type'),
  address: stringAttribute('address'),
  network: stringAttribute('network'),
  socket: stringAttribute('socket'),
});

export const graphicsSpec = defineElement<Graphics>({
  type: stringAttribute('type'),
  port: integerAttribute('port'),
  autoport: yesNoAttribute('autoport'),
  tlsPort: integerAttribute('tlsPort'),
  websocket: integerAttribute('websocket'),
  listen: stringAttribute('listen'),
  socket: stringAttribute('socket'),
  passwd: stringAttribute('passwd'),
  passwdValidTo: stringAttribute('passwdValidTo'),
  keymap: stringAttribute('keymap'),
  sharePolicy: stringAttribute('sharePolicy'),
  defaultMode: stringAttribute('defaultMode'),
  connected: stringAttribute('connected'),
  listens: list('listen', listenSpec),
  gl: child('gl', defineElement<GraphicsGl>({ enable: yesNoAttribute('enable'), rendernode: stringAttribute('rendernode') })),
  channels: list('channel', defineElement<GraphicsChannel>({ name: stringAttribute('name'), mode: stringAttribute('mode') })),
});
