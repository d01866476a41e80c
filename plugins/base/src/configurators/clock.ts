import type { Clock, Timer } from '@kvmkit/domain-xml';
import type { BaseConfigurator } from '../base-configurator.ts';

interface VmiTimer { present?: boolean; tickPolicy?: string; track?: string }

function timer(name: string, source: VmiTimer | undefined): Timer[] {
  if (source === undefined) return [];
  return [{
    name,
    ...(source.tickPolicy === undefined || source.tickPolicy === '' ? {} : { tickpolicy: source.tickPolicy }),
    ...(source.track === undefined || source.track === '' ? {} : { track: source.track }),
    present: source.present !== false,
  }];
}

/**
 * Clock offset and timers. Reads `spec.domain.clock.{utc.offsetSeconds,timezone,timer}`; writes
 * `<clock offset>` (`utc` with an `adjustment`, or `timezone`) and `<timer>`s: rtc, pit, hpet,
 * kvm → `kvmclock`, hyperv → `hypervclock`. Without `spec.domain.clock` nothing is written and
 * libvirt's default (UTC) applies, as in KubeVirt.
 */
export const clockConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:clock',
  validate(vmi) {
    const clock = vmi.spec.domain.clock;
    return clock?.utc !== undefined && clock.timezone !== undefined
      ? [{ path: 'spec.domain.clock', reason: 'give either utc or timezone, not both', severity: 'error', rule: 'base:clock' }]
      : [];
  },
  configure(vmi, domain) {
    const source = vmi.spec.domain.clock;
    if (source === undefined) return;
    const clock: Clock = source.timezone === undefined
      ? { offset: 'utc', ...(source.utc?.offsetSeconds === undefined ? {} : { adjustment: String(source.utc.offsetSeconds) }) }
      : { offset: 'timezone', timezone: source.timezone };
    const timers = [
      ...timer('rtc', source.timer?.rtc),
      ...timer('pit', source.timer?.pit),
      ...timer('hpet', source.timer?.hpet),
      ...timer('kvmclock', source.timer?.kvm),
      ...timer('hypervclock', source.timer?.hyperv),
    ];
    if (timers.length > 0) clock.timers = timers;
    domain.clock = clock;
  },
};
