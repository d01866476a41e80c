import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias, SecurityLabel } from '../common.ts';

/** `<source>` of a character device; attributes apply per `type` (`pty`, `file`, `unix`, `tcp`, `udp`, `dev`, `pipe`, `spicevmc`, …). */
export interface CharacterSource extends Extensible {
  path?: string;
  /** `bind` or `connect`. */
  mode?: string;
  host?: string;
  service?: string;
  /** `tls='yes'|'no'`. */
  tls?: boolean;
  /** `append='on'|'off'`. */
  append?: boolean;
  channel?: string;
  master?: string;
  slave?: string;
  seclabels?: SecurityLabel[];
}

/** `<protocol type/>`: `raw` or `telnet`. */
export interface CharacterProtocol extends Extensible {
  type: string;
}

/** `<log file append/>`. */
export interface CharacterLog extends Extensible {
  file: string;
  /** `append='on'|'off'`. */
  append?: boolean;
}

/** `<target type port name state address model>` of a serial, console or channel. */
export interface CharacterTarget extends Extensible {
  /** serial: `isa-serial`, `usb-serial`, `pci-serial`, `system-serial`, …; console: `serial`, `virtio`; channel: `virtio`, `guestfwd`, `xen`. */
  type?: string;
  port?: number;
  /** Channel name, e.g. `org.qemu.guest_agent.0`. */
  name?: string;
  /** `connected` or `disconnected` (runtime). */
  state?: string;
  /** guestfwd address. */
  address?: string;
  /** Serial target model: `<model name/>`. */
  model?: CharacterTargetModel;
}

/** `<model name/>` inside a serial `<target>`. */
export interface CharacterTargetModel extends Extensible {
  name: string;
}

/** `<serial>`, `<parallel>`, `<console>` or `<channel>`: a character device. */
export interface CharacterDevice extends Extensible {
  /** Host side: `pty`, `file`, `unix`, `tcp`, `udp`, `dev`, `pipe`, `stdio`, `null`, `vc`, `spicevmc`, `spiceport`, `qemu-vdagent`, `nmdm`. */
  type: string;
  /** Runtime pty path (`tty` attribute). */
  tty?: string;
  sources?: CharacterSource[];
  protocol?: CharacterProtocol;
  log?: CharacterLog;
  target?: CharacterTarget;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
