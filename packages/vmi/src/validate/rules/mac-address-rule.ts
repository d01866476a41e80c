import type { VirtualMachineInstance } from '../../types.ts';
import { INTERFACES, listAt, stringAt } from '../field-access.ts';
import type { VmiProblem, VmiRule } from '../vmi-problem.ts';

/** What Go's net.ParseMAC reads: `:` or `-` between octet pairs, or `.` between groups of four. */
function macOctets(text: string): number | undefined {
  if (/^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2})*$/.test(text)) return (text.length + 1) / 3;
  if (/^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4})*$/.test(text)) return ((text.length + 1) / 5) * 2;
  return undefined;
}

/**
 * MAC addresses parse as KubeVirt reads them (link.ValidateMacAddress: net.ParseMAC, at most 6
 * octets), are unicast (libvirt refuses multicast ones), and are not repeated (a warning: only
 * interfaces on one L2 segment really clash).
 */
export const macAddressRule: VmiRule = {
  name: 'mac-address',
  validate(vmi: VirtualMachineInstance): VmiProblem[] {
    const problems: VmiProblem[] = [];
    const firstUse = new Map<string, string>();
    for (const { item, path } of listAt(vmi, ...INTERFACES)) {
      const mac = stringAt(item, 'macAddress');
      if (mac === undefined || mac === '') continue;
      const at = `${path}.macAddress`;
      const octets = macOctets(mac);
      if (octets === undefined || ![6, 8, 20].includes(octets)) {
        problems.push({ path: at, reason: `malformed MAC address "${mac}"; expected six octets like 02:00:00:12:34:56`, severity: 'error', rule: 'mac-address' });
        continue;
      }
      if (octets > 6) {
        problems.push({ path: at, reason: `MAC address "${mac}" is too long (${octets} octets, at most 6)`, severity: 'error', rule: 'mac-address' });
        continue;
      }
      const digits = mac.replace(/[:.-]/g, '').toLowerCase();
      if ((Number.parseInt(digits.slice(0, 2), 16) & 1) === 1) {
        problems.push({ path: at, reason: `MAC address "${mac}" is a multicast address; an interface needs a unicast one`, severity: 'error', rule: 'mac-address' });
      }
      const earlier = firstUse.get(digits);
      if (earlier === undefined) firstUse.set(digits, at);
      else problems.push({ path: at, reason: `MAC address "${mac}" is also used by ${earlier}`, severity: 'warning', rule: 'mac-address' });
    }
    return problems;
  },
};
