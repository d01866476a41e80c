import { describe, expect, it } from 'vitest';
import { formatDomainXml } from './format-domain-xml.ts';
import { parseDomainXml } from './parse-domain-xml.ts';
import { xmlTree, type TreeNode } from './testing/xml-tree.ts';

const topLevel = [
  "<name>shuffled</name>",
  "<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>",
  "<memory unit='KiB'>1048576</memory>",
  "<vcpu placement='static'>2</vcpu>",
  "<os><type arch='x86_64' machine='q35'>hvm</type><boot dev='hd'/><boot dev='network'/></os>",
  "<x-future-element answer='42'><inner>kept</inner></x-future-element>",
  "<clock offset='utc'><timer name='rtc' tickpolicy='catchup'/><timer name='pit' tickpolicy='delay'/></clock>",
  "<on_poweroff>destroy</on_poweroff>",
];

const devices = [
  "<disk type='file' device='disk'><source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>",
  "<interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/><model type='virtio'/><x-nic-extra mode='fast'/></interface>",
  "<disk type='file' device='disk'><source file='/b.qcow2'/><target dev='vdb' bus='virtio'/></disk>",
  "<serial type='pty'><target port='0'/></serial>",
  "<x-future-device kind='new'/>",
  "<controller type='usb' index='0' model='none'/>",
  "<interface type='network'><mac address='52:54:00:00:00:02'/><source network='default'/></interface>",
  "<disk type='file' device='cdrom'><source file='/c.iso'/><target dev='sda' bus='sata'/><readonly/></disk>",
];

/** Deterministic shuffle (seeded LCG), so a failure is reproducible. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

function document(top: readonly string[], deviceList: readonly string[]): string {
  return `<domain type='kvm' x-root-attribute='kept'>${top.join('')}<devices>${deviceList.join('')}</devices></domain>`;
}

/** Children grouped by name, each group in document order. */
function groups(node: TreeNode): Record<string, TreeNode[]> {
  const result: Record<string, TreeNode[]> = {};
  // <devices> is compared group by group on its own, its children may be reordered canonically.
  for (const child of node.children) (result[child.name] ??= []).push(child.name === 'devices' ? { ...child, children: [] } : child);
  return result;
}

const canonicalTop = ['name', 'uuid', 'memory', 'vcpu', 'os', 'clock', 'on_poweroff', 'devices'];
const canonicalDevices = ['disk', 'controller', 'interface', 'serial'];

/** Known element names in output order, repeats collapsed. */
function knownOrder(node: TreeNode, known: readonly string[]): string[] {
  const names = node.children.map((child) => child.name).filter((name) => known.includes(name));
  return names.filter((name, index) => names[index - 1] !== name);
}

describe('documents with shuffled children', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: nothing is lost and same-named order is kept`, () => {
      const input = document(shuffle(topLevel, seed), shuffle(devices, seed * 31));
      const output = formatDomainXml(parseDomainXml(input));
      const before = xmlTree(input);
      const after = xmlTree(output);
      expect(after.attributes).toEqual(before.attributes);
      expect(groups(after)).toEqual(groups(before));
      const devicesBefore = before.children.find((child) => child.name === 'devices');
      const devicesAfter = after.children.find((child) => child.name === 'devices');
      expect(groups(devicesAfter!)).toEqual(groups(devicesBefore!));
      // Known siblings of different names come out in libvirt's order whatever the input order.
      expect(knownOrder(after, canonicalTop)).toEqual(canonicalTop);
      expect(knownOrder(devicesAfter!, canonicalDevices)).toEqual(canonicalDevices);
    });
  }

  it('writes known elements in canonical order and unknown ones after the sibling they followed', () => {
    const output = formatDomainXml(parseDomainXml(document(topLevel, devices)));
    const names = xmlTree(output).children.map((child) => child.name);
    expect(names).toEqual(['name', 'uuid', 'memory', 'vcpu', 'os', 'x-future-element', 'clock', 'on_poweroff', 'devices']);
    const deviceNames = xmlTree(output).children.at(-1)!.children.map((child) => child.name);
    expect(deviceNames).toEqual(['disk', 'disk', 'disk', 'controller', 'interface', 'interface', 'serial', 'x-future-device']);
  });

  it('keeps an unknown element that the caller moved next to a device that was removed', () => {
    const domain = parseDomainXml(document(topLevel, devices));
    domain.devices!.serials = [];
    const output = formatDomainXml(domain);
    expect(output).toContain("<x-future-device kind='new'/>");
    expect(output).not.toContain('<serial');
  });
});
