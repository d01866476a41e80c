import type { SysinfoBlock, SysinfoEntry } from '@kvmkit/domain-xml';
import type { BaseConfigurator } from '../base-configurator.ts';

function entries(values: Record<string, string | undefined>): SysinfoEntry[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ({ name, value }));
}

function block(values: Record<string, string | undefined>): SysinfoBlock | undefined {
  const list = entries(values);
  return list.length === 0 ? undefined : { entries: list };
}

/**
 * SMBIOS. Reads `spec.domain.firmware.{uuid,serial}`, `spec.domain.chassis` and the context's
 * SMBIOS defaults (KubeVirt's cluster `smbios` config); writes `<sysinfo type='smbios'>` with
 * `<system>` (manufacturer, product, version, serial, uuid, sku, family) and `<chassis>`, and
 * `<os><smbios mode='sysinfo'/>` so QEMU presents them.
 */
export const sysinfoConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:sysinfo',
  after: ['base:os', 'base:identity'],
  configure(vmi, domain, context) {
    const firmware = vmi.spec.domain.firmware;
    const chassis = vmi.spec.domain.chassis;
    const { smbios } = context;
    const system = block({
      manufacturer: smbios.manufacturer,
      product: smbios.product,
      version: smbios.version,
      serial: firmware?.serial,
      uuid: firmware?.uuid ?? domain.uuid,
      sku: smbios.sku,
      family: smbios.family,
    });
    const chassisBlock = chassis === undefined
      ? undefined
      : block({ manufacturer: chassis.manufacturer, version: chassis.version, serial: chassis.serial, asset: chassis.asset, sku: chassis.sku });
    if (system === undefined && chassisBlock === undefined) return;
    domain.sysinfos = [
      ...(domain.sysinfos ?? []).filter((sysinfo) => sysinfo.type !== 'smbios'),
      { type: 'smbios', ...(system === undefined ? {} : { system }), ...(chassisBlock === undefined ? {} : { chassis: chassisBlock }) },
    ];
    if (domain.os !== undefined) domain.os.smbios = { mode: 'sysinfo' };
  },
};
