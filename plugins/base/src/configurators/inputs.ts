import type { Input } from '@kvmkit/domain-xml';
import type { BaseConfigurator } from '../base-configurator.ts';
import { devicesOf } from './devices.ts';

/**
 * Input devices. Reads `devices.inputs[]` (`type: tablet`, `bus: usb|virtio`); writes
 * `<input type='tablet' bus><alias name='ua-<name>'>`. The controller configurator adds the USB
 * controller a USB tablet needs.
 */
export const inputsConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:inputs',
  validate(vmi) {
    return (vmi.spec.domain.devices.inputs ?? []).flatMap((input, index) => {
      const path = `spec.domain.devices.inputs[${String(index)}]`;
      const problems = [];
      if (input.type !== 'tablet') problems.push({ path: `${path}.type`, reason: `only 'tablet' is supported, not '${input.type}'`, severity: 'error' as const, rule: 'base:inputs' });
      if (input.bus !== undefined && input.bus !== 'usb' && input.bus !== 'virtio') problems.push({ path: `${path}.bus`, reason: `a tablet is on 'usb' or 'virtio', not '${input.bus}'`, severity: 'error' as const, rule: 'base:inputs' });
      return problems;
    });
  },
  configure(vmi, domain) {
    const inputs: Input[] = (vmi.spec.domain.devices.inputs ?? []).map((input) => ({ type: input.type, bus: input.bus ?? 'usb', alias: { name: `ua-${input.name}` } }));
    if (inputs.length === 0) return;
    const devices = devicesOf(domain);
    devices.inputs = [...(devices.inputs ?? []), ...inputs];
  },
};
