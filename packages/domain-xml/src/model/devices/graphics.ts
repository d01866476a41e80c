import type { Extensible } from '../../xml/xml-node.ts';

/** `<listen type address network socket/>`. */
export interface GraphicsListen extends Extensible {
  /** `address`, `network`, `socket`, `none`. */
  type: string;
  address?: string;
  network?: string;
  socket?: string;
}

/** `<channel name mode/>` of SPICE. */
export interface GraphicsChannel extends Extensible {
  name: string;
  mode: string;
}

/** `<gl enable rendernode/>`. */
export interface GraphicsGl extends Extensible {
  /** `enable='yes'|'no'`. */
  enable?: boolean;
  rendernode?: string;
}

/** `<graphics type>`: `vnc`, `spice`, `sdl`, `rdp`, `desktop`, `egl-headless`, `dbus`. */
export interface Graphics extends Extensible {
  type: string;
  port?: number;
  /** `autoport='yes'|'no'`. */
  autoport?: boolean;
  tlsPort?: number;
  websocket?: number;
  listen?: string;
  socket?: string;
  passwd?: string;
  passwdValidTo?: string;
  keymap?: string;
  /** `sharePolicy`: `allow-exclusive`, `force-shared`, `ignore`. */
  sharePolicy?: string;
  defaultMode?: string;
  /** `connected`: `keep`, `disconnect`, `fail`. */
  connected?: string;
  listens?: GraphicsListen[];
  channels?: GraphicsChannel[];
  gl?: GraphicsGl;
}
