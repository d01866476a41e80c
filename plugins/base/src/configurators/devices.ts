import type { Devices, Domain } from '@kvmkit/domain-xml';

/** The domain's `<devices>`, created when absent, so configurators can append to its lists. */
export function devicesOf(domain: Domain): Devices {
  domain.devices ??= {};
  return domain.devices;
}
