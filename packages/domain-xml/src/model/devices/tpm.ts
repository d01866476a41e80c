import type { Extensible } from '../../xml/xml-node.ts';
import type { DeviceAddress, DeviceAlias } from '../common.ts';

/** `<device path/>` of a passthrough TPM. */
export interface TpmDevice extends Extensible {
  path: string;
}

/** `<encryption secret/>` of the emulator's state. */
export interface TpmEncryption extends Extensible {
  secret: string;
}

/** `<source type path mode/>` of an external TPM. */
export interface TpmSource extends Extensible {
  type?: string;
  path?: string;
  mode?: string;
}

/** `<backend type version persistent_state debug>`: `emulator` (swtpm), `passthrough`, `external`. */
export interface TpmBackend extends Extensible {
  type: string;
  /** `1.2` or `2.0`. */
  version?: string;
  /** `persistent_state='yes'|'no'`. */
  persistentState?: boolean;
  debug?: number;
  device?: TpmDevice;
  encryption?: TpmEncryption;
  source?: TpmSource;
}

/** `<tpm model>`: `tpm-tis`, `tpm-crb`, `tpm-spapr`, `spapr-tpm-proxy`. */
export interface Tpm extends Extensible {
  model?: string;
  backend: TpmBackend;
  alias?: DeviceAlias;
  address?: DeviceAddress;
}
