import { z } from 'zod';

export const hypervOptionsSchema = z.object({
  /**
   * Write `tlbflush`'s `<direct>` and `<extended>` children. libvirt learnt them after 9.0 (the
   * schema and daemon of Debian 12 refuse them), so they are left out, with a warning, unless
   * the libvirt in use knows them.
   */
  tlbflushFlags: z.boolean().default(false),
  /**
   * Add the timers Windows guests want when the VMI names none of them: RTC with catch-up
   * ticks, PIT with delayed ticks, no HPET (KubeVirt's Windows examples). Timers the VMI or
   * another configurator wrote are never changed.
   */
  windowsTimers: z.boolean().default(false),
  /**
   * When an enlightenment needs another that the VMI does not mention, turn the other on (what
   * KubeVirt's mutating webhook does) with a warning; when false, report an error instead.
   */
  enableDependencies: z.boolean().default(true),
});

export type HypervOptions = z.output<typeof hypervOptionsSchema>;
