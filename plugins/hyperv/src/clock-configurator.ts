import type { Configurator } from '@kvmkit/core';
import type { Timer } from '@kvmkit/domain-xml';
import { resolveDependencies } from './dependencies.ts';
import type { HypervOptions } from './options.ts';

export const CLOCK_CONFIGURATOR = 'hyperv:clock';

/** KubeVirt's Windows examples: RTC catching up, PIT delaying, no HPET. */
const WINDOWS_TIMERS: readonly Timer[] = [
  { name: 'rtc', tickpolicy: 'catchup' },
  { name: 'pit', tickpolicy: 'delay' },
  { name: 'hpet', present: false },
];

/**
 * `spec.domain.clock.timer.hyperv` → `<timer name='hypervclock' present>` (also switched on when
 * the SynIC timer needs it), and with the `windowsTimers` option the timers Windows wants where
 * nothing set them. This configurator owns `hypervclock` only: it runs after the base clock
 * configurator and never changes a timer someone else wrote.
 */
export const clockConfigurator: Configurator<HypervOptions> = {
  specificationVersion: 'v1',
  name: CLOCK_CONFIGURATOR,
  after: ['base:clock'],
  configure(vmi, domain, { options }) {
    const hypervClock = resolveDependencies(vmi, options.enableDependencies).states.get('time');
    const wanted: Timer[] = [];
    if (hypervClock !== undefined) wanted.push({ name: 'hypervclock', present: hypervClock });
    if (options.windowsTimers) wanted.push(...WINDOWS_TIMERS);
    if (wanted.length === 0) return;
    const timers = (domain.clock?.timers ?? []).filter((timer) => timer.name !== 'hypervclock');
    for (const timer of wanted) {
      if (timer.name === 'hypervclock' || !timers.some((existing) => existing.name === timer.name)) timers.push({ ...timer });
    }
    domain.clock = { offset: 'utc', ...domain.clock, timers };
  },
};
