import type { Extensible } from '../xml/xml-node.ts';

/** `<catchup threshold slew limit/>` of a timer with `tickpolicy='catchup'`. */
export interface TimerCatchup extends Extensible {
  threshold?: number;
  slew?: number;
  limit?: number;
}

/** `<timer>` in `<clock>`. */
export interface Timer extends Extensible {
  /** `platform`, `pit`, `rtc`, `hpet`, `tsc`, `kvmclock`, `hypervclock`, `armvtimer`. */
  name: string;
  /** `delay`, `catchup`, `merge`, `discard`. */
  tickpolicy?: string;
  /** `boot`, `guest`, `wall`, `realtime`. */
  track?: string;
  /** `present='yes'|'no'`. */
  present?: boolean;
  /** `native`, `emulate`, `paravirt`, `smpsafe` (tsc). */
  mode?: string;
  frequency?: number;
  catchup?: TimerCatchup;
}

/** `<clock>`. */
export interface Clock extends Extensible {
  /** `utc`, `localtime`, `timezone`, `variable`, `absolute`. */
  offset?: string;
  timezone?: string;
  /** Seconds, for `offset='variable'` (may be negative); libvirt also writes `reset`. */
  adjustment?: string;
  /** `utc` or `localtime`, for `offset='variable'`. */
  basis?: string;
  /** Epoch seconds for `offset='absolute'`. */
  start?: number;
  timers?: Timer[];
}

/** `<suspend-to-mem enabled/>` and `<suspend-to-disk enabled/>`. */
export interface PowerManagementState extends Extensible {
  /** `enabled='yes'|'no'`. */
  enabled?: boolean;
}

/** `<pm>`. */
export interface PowerManagement extends Extensible {
  suspendToMem?: PowerManagementState;
  suspendToDisk?: PowerManagementState;
}
