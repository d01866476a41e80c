import type { Clock, PowerManagement, PowerManagementState, Timer, TimerCatchup } from '../model/clock.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerAttribute, stringAttribute, yesNoAttribute } from './fields.ts';

const catchupSpec = defineElement<TimerCatchup>({
  threshold: integerAttribute('threshold'),
  slew: integerAttribute('slew'),
  limit: integerAttribute('limit'),
});

const timerSpec = defineElement<Timer>({
  name: stringAttribute('name'),
  tickpolicy: stringAttribute('tickpolicy'),
  track: stringAttribute('track'),
  present: yesNoAttribute('present'),
  mode: stringAttribute('mode'),
  frequency: integerAttribute('frequency'),
  catchup: child('catchup', catchupSpec),
});

export const clockSpec = defineElement<Clock>({
  offset: stringAttribute('offset'),
  timezone: stringAttribute('timezone'),
  adjustment: stringAttribute('adjustment'),
  basis: stringAttribute('basis'),
  start: integerAttribute('start'),
  timers: list('timer', timerSpec),
});

const pmStateSpec = defineElement<PowerManagementState>({ enabled: yesNoAttribute('enabled') });

export const pmSpec = defineElement<PowerManagement>({
  suspendToMem: child('suspend-to-mem', pmStateSpec),
  suspendToDisk: child('suspend-to-disk', pmStateSpec),
});
