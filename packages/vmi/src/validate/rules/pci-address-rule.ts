import type { VirtualMachineInstance } from '../../types.ts';
import { DISKS, INTERFACES, listAt, objectAt, stringAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

/** Domain:bus:slot.function, as KubeVirt's PCI_ADDRESS_PATTERN (pkg/util/hardware). */
const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

/** Guest PCI addresses of disks and interfaces are well-formed and not shared. */
export const pciAddressRule: VmiRule = {
  name: 'pci-address',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const firstUse = new Map<string, string>();
    const addresses = [
      ...listAt(vmi, ...DISKS).map(({ item, path }) => ({ path: `${path}.disk.pciAddress`, value: stringAt(objectAt(item, 'disk'), 'pciAddress') })),
      ...listAt(vmi, ...INTERFACES).map(({ item, path }) => ({ path: `${path}.pciAddress`, value: stringAt(item, 'pciAddress') })),
    ];
    for (const { path, value } of addresses) {
      if (value === undefined) continue;
      if (!PCI_ADDRESS.test(value)) {
        problems.push({ path, reason: `malformed PCI address "${value}"; expected domain:bus:slot.function like 0000:00:01.0`, severity: 'error', rule: 'pci-address' });
        continue;
      }
      const key = value.toLowerCase();
      const earlier = firstUse.get(key);
      if (earlier === undefined) firstUse.set(key, path);
      else problems.push({ path, reason: `PCI address ${value} is already used by ${earlier}`, severity: 'error', rule: 'pci-address' });
    }
    return problems;
  },
};
