import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias } from '../common.ts';

/** `<codec type/>`: `duplex`, `micro`, `output`. */
export interface SoundCodec extends Extensible {
  type: string;
}

/** `<audio id/>` inside `<sound>`: which audio backend it plays through. */
export interface SoundAudioRef extends Extensible {
  id: number;
}

/** `<sound model>`: `ich6`, `ich9`, `ac97`, `es1370`, `sb16`, `usb`, `ich7`. */
export interface Sound extends Extensible {
  model: string;
  codecs?: SoundCodec[];
  audio?: SoundAudioRef;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}

/** `<audio id type>`: an audio backend (`none`, `pulseaudio`, `spice`, …). Its `<input>`/`<output>` children stay generic. */
export interface Audio extends Extensible {
  id: number;
  type: string;
  timerPeriod?: number;
}
