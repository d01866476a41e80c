import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../types.ts';
import { validateVmi } from './validate-vmi.ts';
import type { VmiProblem, VmiRule } from './vmi-problem.ts';

/** A valid VMI; each test breaks one thing in a copy of it. */
function validVmi(): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'testvmi', labels: { app: 'x' } },
    spec: {
      domain: {
        cpu: { cores: 2 },
        memory: { guest: '512Mi' },
        resources: { requests: { memory: '512Mi', cpu: '1' }, limits: { memory: '1Gi', cpu: '2' } },
        devices: {
          disks: [
            { name: 'root', disk: { bus: 'virtio', pciAddress: '0000:00:0a.0' }, bootOrder: 1 },
            { name: 'cloudinit', cdrom: { bus: 'sata' } },
          ],
          interfaces: [{ name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01', bootOrder: 2 }],
        },
      },
      networks: [{ name: 'default', pod: {} }],
      volumes: [
        { name: 'root', containerDisk: { image: 'quay.io/kubevirt/cirros-container-disk-demo' } },
        { name: 'cloudinit', cloudInitNoCloud: { userData: '#cloud-config' } },
      ],
    },
  };
}

/** `validVmi()` changed by `change`, validated; the problems, without the rule's own name noise. */
function problemsAfter(change: (vmi: VirtualMachineInstance & Record<string, unknown>) => void, rules?: VmiRule[]): VmiProblem[] {
  const vmi = validVmi() as VirtualMachineInstance & Record<string, unknown>;
  change(vmi);
  return validateVmi(vmi, { rules });
}

// Loosely typed access for writing deliberately wrong values.
function loose(value: unknown): Record<string, unknown> & { [index: number]: Record<string, unknown> } {
  return value as Record<string, unknown> & { [index: number]: Record<string, unknown> };
}

const disks = (vmi: VirtualMachineInstance) => vmi.spec.domain.devices.disks!;
const interfaces = (vmi: VirtualMachineInstance) => vmi.spec.domain.devices.interfaces!;

describe('validateVmi', () => {
  it('finds nothing wrong with a valid VMI', () => {
    expect(validateVmi(validVmi())).toEqual([]);
  });

  describe('structure', () => {
    it('reports wrong types with the full path', () => {
      const problems = problemsAfter((vmi) => {
        loose(vmi.spec.domain.cpu).cores = 'two';
        loose(disks(vmi)[0]).dedicatedIOThread = 'yes';
        loose(vmi.spec).volumes = { root: {} };
      });
      expect(problems).toEqual([
        { path: 'spec.domain.cpu.cores', reason: 'expected an integer, got "two"', severity: 'error', rule: 'structure' },
        { path: 'spec.domain.devices.disks[0].dedicatedIOThread', reason: 'expected true or false, got "yes"', severity: 'error', rule: 'structure' },
        { path: 'spec.volumes', reason: 'expected a list, got a mapping', severity: 'error', rule: 'structure' },
        // The disks lose their volumes too.
        { path: 'spec.domain.devices.disks[0].name', reason: 'no volume named "root" in spec.volumes', severity: 'error', rule: 'disk-volume-match' },
        {
          path: 'spec.domain.devices.disks[1].name',
          reason: 'no volume named "cloudinit" in spec.volumes; an empty CD-ROM needs volume hotplug, which kvmkit does not do',
          severity: 'error',
          rule: 'disk-volume-match',
        },
      ]);
    });

    it('reports unknown enum values', () => {
      const problems = problemsAfter((vmi) => {
        disks(vmi)[1]!.cdrom = { bus: 'ide' };
        interfaces(vmi)[0]!.model = 'virtio-net';
      });
      expect(problems).toEqual([
        {
          path: 'spec.domain.devices.disks[1].cdrom.bus',
          reason: 'unknown value "ide"; expected one of virtio, sata, scsi, usb',
          severity: 'error',
          rule: 'structure',
        },
        {
          path: 'spec.domain.devices.interfaces[0].model',
          reason: 'unknown value "virtio-net"; expected one of e1000, e1000e, igb, ne2k_pci, pcnet, rtl8139, virtio',
          severity: 'error',
          rule: 'structure',
        },
      ]);
    });

    it('reports missing required fields and a missing name', () => {
      const problems = problemsAfter((vmi) => {
        delete loose(vmi.metadata).name;
        delete loose(vmi.spec.volumes?.[0]?.containerDisk).image;
      });
      expect(problems).toEqual([
        { path: 'spec.volumes[0].containerDisk.image', reason: 'is required', severity: 'error', rule: 'structure' },
        {
          path: 'metadata.name',
          reason: 'is required: kvmkit names the domain after it (generateName is not expanded)',
          severity: 'error',
          rule: 'structure',
        },
      ]);
    });

    it('reports a name that is no DNS subdomain, a malformed UUID and out-of-range numbers', () => {
      const problems = problemsAfter((vmi) => {
        vmi.metadata = { name: 'Test_VM' };
        vmi.spec.domain.firmware = { uuid: 'not-a-uuid' };
        vmi.spec.terminationGracePeriodSeconds = -1;
      });
      expect(problems.map((problem) => [problem.path, problem.severity, problem.rule])).toEqual([
        ['metadata.name', 'error', 'structure'],
        ['spec.domain.firmware.uuid', 'error', 'structure'],
        ['spec.terminationGracePeriodSeconds', 'error', 'structure'],
      ]);
      expect(problems[2]?.reason).toBe('must be at least 0, got -1');
    });

    it('warns about unknown fields, which are usually typos', () => {
      const problems = problemsAfter((vmi) => {
        loose(disks(vmi)[0]).bootorder = 1;
      });
      expect(problems).toEqual([
        {
          path: 'spec.domain.devices.disks[0].bootorder',
          reason: 'unknown field; KubeVirt has no such field here (a typo?)',
          severity: 'warning',
          rule: 'structure',
        },
      ]);
    });

    it('reports a spec that is not a mapping without failing other rules', () => {
      const problems = problemsAfter((vmi) => {
        loose(vmi).spec = 'nothing';
      });
      expect(problems).toContainEqual({ path: 'spec', reason: 'expected a mapping, got "nothing"', severity: 'error', rule: 'structure' });
      expect(problems.filter((problem) => problem.reason.startsWith('rule failed'))).toEqual([]);
    });
  });

  describe('unique-names', () => {
    it.each([
      ['disks', (vmi: VirtualMachineInstance) => disks(vmi).push({ name: 'root', disk: {} }), 'spec.domain.devices.disks[2].name', 'spec.domain.devices.disks[0]'],
      ['volumes', (vmi: VirtualMachineInstance) => vmi.spec.volumes?.push({ name: 'root', emptyDisk: { capacity: '1Gi' } }), 'spec.volumes[2].name', 'spec.volumes[0]'],
      [
        'interfaces',
        (vmi: VirtualMachineInstance) => interfaces(vmi).push({ name: 'default', masquerade: {} }),
        'spec.domain.devices.interfaces[1].name',
        'spec.domain.devices.interfaces[0]',
      ],
      ['networks', (vmi: VirtualMachineInstance) => vmi.spec.networks?.push({ name: 'default', multus: { networkName: 'x' } }), 'spec.networks[1].name', 'spec.networks[0]'],
    ] as const)('reports a repeated name among %s', (_list, change, path, earlier) => {
      const problems = problemsAfter(change).filter((problem) => problem.rule === 'unique-names');
      const name = path.startsWith('spec.volumes') || path.includes('disks') ? 'root' : 'default';
      expect(problems).toEqual([{ path, reason: `duplicate name "${name}", already used by ${earlier}`, severity: 'error', rule: 'unique-names' }]);
    });
  });

  describe('disk-volume-match', () => {
    it('reports a disk without a volume', () => {
      const problems = problemsAfter((vmi) => {
        disks(vmi).push({ name: 'data', disk: { bus: 'virtio' } });
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.disks[2].name', reason: 'no volume named "data" in spec.volumes', severity: 'error', rule: 'disk-volume-match' },
      ]);
    });

    it('accepts a volume without a disk (defaults add one) and reports a LUN on a container disk', () => {
      expect(problemsAfter((vmi) => vmi.spec.volumes?.push({ name: 'extra', emptyDisk: { capacity: '1Gi' } }))).toEqual([]);
      const problems = problemsAfter((vmi) => {
        disks(vmi)[0] = { name: 'root', lun: {} };
      });
      expect(problems).toEqual([
        {
          path: 'spec.domain.devices.disks[0].lun',
          reason: 'a LUN disk needs a persistentVolumeClaim or dataVolume volume; "root" is neither',
          severity: 'error',
          rule: 'disk-volume-match',
        },
      ]);
    });

    it('reports a filesystem without a volume', () => {
      const problems = problemsAfter((vmi) => {
        vmi.spec.domain.devices.filesystems = [{ name: 'share', virtiofs: {} }];
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.filesystems[0].name', reason: 'no volume named "share" in spec.volumes', severity: 'error', rule: 'disk-volume-match' },
      ]);
    });
  });

  describe('disk-target', () => {
    it('reports two target types, a virtio CD-ROM, a read-only SATA disk, misplaced PCI address and IO thread', () => {
      const problems = problemsAfter((vmi) => {
        disks(vmi)[1] = { name: 'cloudinit', cdrom: { bus: 'virtio' }, disk: { bus: 'sata', readonly: true, pciAddress: '0000:00:0b.0' }, dedicatedIOThread: true };
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.disks[1]', reason: 'has disk and cdrom; a disk has one target type', severity: 'error', rule: 'disk-target' },
        { path: 'spec.domain.devices.disks[1].cdrom.bus', reason: 'a CD-ROM cannot be on the virtio bus; use sata or scsi', severity: 'error', rule: 'disk-target' },
        { path: 'spec.domain.devices.disks[1].disk.readonly', reason: 'SATA hard disks cannot be read-only', severity: 'error', rule: 'disk-target' },
        { path: 'spec.domain.devices.disks[1].disk.pciAddress', reason: 'a PCI address can only be set on a disk with bus virtio', severity: 'error', rule: 'disk-target' },
        { path: 'spec.domain.devices.disks[1].dedicatedIOThread', reason: 'a dedicated IO thread needs bus virtio, not sata', severity: 'error', rule: 'disk-target' },
      ]);
    });

    it('reports a serial with characters KubeVirt refuses', () => {
      const problems = problemsAfter((vmi) => {
        disks(vmi)[0]!.serial = 'disk #1';
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.disks[0].serial', reason: 'may only contain A-Z a-z 0-9 _ . + -', severity: 'error', rule: 'disk-target' },
      ]);
    });
  });

  describe('interface-network-match', () => {
    it('reports an interface without a network and a network without an interface', () => {
      const problems = problemsAfter((vmi) => {
        interfaces(vmi)[0]!.name = 'eth0';
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.interfaces[0].name', reason: 'no network named "eth0" in spec.networks', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.networks[0].name', reason: 'no interface named "default" in spec.domain.devices.interfaces', severity: 'error', rule: 'interface-network-match' },
      ]);
    });

    it('reports bindings, network types, masquerade off the pod network and a second pod network', () => {
      const problems = problemsAfter((vmi) => {
        vmi.spec.domain.devices.interfaces = [
          { name: 'default', masquerade: {}, bridge: {} },
          { name: 'lan', masquerade: {} },
          { name: 'second', bridge: {} },
          { name: 'bad name' },
        ];
        vmi.spec.networks = [
          { name: 'default', pod: {} },
          { name: 'lan', multus: { networkName: 'lan' } },
          { name: 'second', pod: {} },
          { name: 'bad name' },
        ];
      });
      expect(problems.filter((problem) => problem.rule === 'interface-network-match')).toEqual([
        { path: 'spec.domain.devices.interfaces[0]', reason: 'has 2 binding methods (bridge, masquerade); it needs exactly one', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.domain.devices.interfaces[1].masquerade', reason: 'masquerade only works on the pod network; network "lan" is not one', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.domain.devices.interfaces[3].name', reason: 'may only contain letters, digits, "-" and "_"', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.domain.devices.interfaces[3]', reason: 'has no binding method (masquerade, bridge, …)', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.networks[2].pod', reason: 'a VMI can be on the pod network only once', severity: 'error', rule: 'interface-network-match' },
        { path: 'spec.networks[3]', reason: 'has no network type (pod or multus)', severity: 'error', rule: 'interface-network-match' },
      ]);
    });
  });

  describe('boot-order', () => {
    it('reports an order below 1 and an order used twice', () => {
      const problems = problemsAfter((vmi) => {
        disks(vmi)[1]!.bootOrder = 0;
        interfaces(vmi)[0]!.bootOrder = 1;
      });
      expect(problems).toEqual([
        { path: 'spec.domain.devices.disks[1].bootOrder', reason: 'must be 1 or more, got 0', severity: 'error', rule: 'boot-order' },
        {
          path: 'spec.domain.devices.interfaces[0].bootOrder',
          reason: 'boot order 1 is already used by spec.domain.devices.disks[0].bootOrder',
          severity: 'error',
          rule: 'boot-order',
        },
      ]);
    });
  });

  describe('quantities', () => {
    it('reports malformed and negative quantities', () => {
      const problems = problemsAfter((vmi) => {
        vmi.spec.domain.memory = { guest: '1GB' };
        vmi.spec.domain.resources = { requests: { memory: '512Mi', cpu: '-1' } };
        vmi.spec.volumes?.push({ name: 'scratch', emptyDisk: { capacity: '1.2.3' } });
      });
      expect(problems).toEqual([
        { path: 'spec.domain.resources.requests.cpu', reason: 'must not be negative, got -1', severity: 'error', rule: 'quantities' },
        { path: 'spec.domain.memory.guest', reason: 'invalid quantity "1GB": not of the form <number><suffix>', severity: 'error', rule: 'quantities' },
        { path: 'spec.volumes[2].emptyDisk.capacity', reason: 'invalid quantity "1.2.3": not of the form <number><suffix>', severity: 'error', rule: 'quantities' },
      ]);
    });

    it('reports requests above limits and guest memory above the limit', () => {
      const problems = problemsAfter((vmi) => {
        vmi.spec.domain.memory = { guest: '2Gi' };
        vmi.spec.domain.resources = { requests: { memory: '1.5Gi', cpu: '3' }, limits: { memory: '1Gi', cpu: '2' } };
      });
      expect(problems).toEqual([
        { path: 'spec.domain.resources.requests.memory', reason: 'the memory request is more than spec.domain.resources.limits.memory', severity: 'error', rule: 'quantities' },
        { path: 'spec.domain.resources.requests.cpu', reason: 'the cpu request is more than spec.domain.resources.limits.cpu', severity: 'error', rule: 'quantities' },
        { path: 'spec.domain.memory.guest', reason: 'guest memory is more than spec.domain.resources.limits.memory', severity: 'error', rule: 'quantities' },
      ]);
    });
  });

  describe('memory', () => {
    it('reports a VMI without any memory size, and a request below 1M', () => {
      const none = problemsAfter((vmi) => {
        delete vmi.spec.domain.memory;
        delete vmi.spec.domain.resources;
      });
      expect(none).toEqual([
        {
          path: 'spec.domain.memory.guest',
          reason: 'no memory given: set spec.domain.memory.guest or spec.domain.resources.requests.memory',
          severity: 'error',
          rule: 'memory',
        },
      ]);
      const tiny = problemsAfter((vmi) => {
        vmi.spec.domain.resources = { requests: { memory: '512Ki' } };
      });
      expect(tiny).toEqual([{ path: 'spec.domain.resources.requests.memory', reason: 'must be at least 1M', severity: 'error', rule: 'memory' }]);
    });
  });

  describe('pci-address', () => {
    it('reports a malformed address and one used twice', () => {
      const problems = problemsAfter((vmi) => {
        interfaces(vmi)[0]!.pciAddress = '00:01.0';
        disks(vmi).push({ name: 'cloudinit2', disk: { bus: 'virtio', pciAddress: '0000:00:0A.0' } });
        vmi.spec.volumes?.push({ name: 'cloudinit2', emptyDisk: { capacity: '1Mi' } });
      });
      expect(problems).toEqual([
        {
          path: 'spec.domain.devices.disks[2].disk.pciAddress',
          reason: 'PCI address 0000:00:0A.0 is already used by spec.domain.devices.disks[0].disk.pciAddress',
          severity: 'error',
          rule: 'pci-address',
        },
        {
          path: 'spec.domain.devices.interfaces[0].pciAddress',
          reason: 'malformed PCI address "00:01.0"; expected domain:bus:slot.function like 0000:00:01.0',
          severity: 'error',
          rule: 'pci-address',
        },
      ]);
    });
  });

  describe('mac-address', () => {
    it.each([
      ['02:00:00:00:00', 'malformed MAC address "02:00:00:00:00"; expected six octets like 02:00:00:12:34:56'],
      ['02:00:00:00:00:0g', 'malformed MAC address "02:00:00:00:00:0g"; expected six octets like 02:00:00:12:34:56'],
      ['02:00-00:00:00:01', 'malformed MAC address "02:00-00:00:00:01"; expected six octets like 02:00:00:12:34:56'],
      ['02:00:00:00:00:00:00:01', 'MAC address "02:00:00:00:00:00:00:01" is too long (8 octets, at most 6)'],
      ['01:00:5e:00:00:01', 'MAC address "01:00:5e:00:00:01" is a multicast address; an interface needs a unicast one'],
    ])('reports %s', (mac, reason) => {
      const problems = problemsAfter((vmi) => {
        interfaces(vmi)[0]!.macAddress = mac;
      });
      expect(problems).toEqual([{ path: 'spec.domain.devices.interfaces[0].macAddress', reason, severity: 'error', rule: 'mac-address' }]);
    });

    it('accepts the forms Go reads: dashes and dotted groups', () => {
      for (const mac of ['02-00-00-00-00-01', '0200.0000.0001', 'AA:BB:CC:DD:EE:FE']) {
        expect(problemsAfter((vmi) => (interfaces(vmi)[0]!.macAddress = mac))).toEqual([]);
      }
    });

    it('warns about a MAC address used twice', () => {
      const problems = problemsAfter((vmi) => {
        interfaces(vmi).push({ name: 'lan', bridge: {}, macAddress: '02-00-00-00-00-01' });
        vmi.spec.networks?.push({ name: 'lan', multus: { networkName: 'lan' } });
      });
      expect(problems).toEqual([
        {
          path: 'spec.domain.devices.interfaces[1].macAddress',
          reason: 'MAC address "02-00-00-00-00-01" is also used by spec.domain.devices.interfaces[0].macAddress',
          severity: 'warning',
          rule: 'mac-address',
        },
      ]);
    });
  });

  describe('not-acted-on', () => {
    it('warns about fields kvmkit recognizes but ignores', () => {
      const problems = problemsAfter((vmi) => {
        vmi.spec.nodeSelector = { disk: 'ssd' };
        vmi.spec.readinessProbe = { guestAgentPing: {} };
      });
      expect(problems).toEqual([
        { path: 'spec.nodeSelector', reason: 'is for the Kubernetes scheduler; kvmkit runs on one host and ignores it', severity: 'warning', rule: 'not-acted-on' },
        { path: 'spec.readinessProbe', reason: 'probes are run by the kubelet; kvmkit does not run them', severity: 'warning', rule: 'not-acted-on' },
      ]);
    });
  });

  describe('rule contract', () => {
    it('runs extra rules after the core rules', () => {
      const noCdrom: VmiRule = {
        name: 'plugin/no-cdrom',
        validate: (vmi) =>
          (vmi.spec.domain.devices.disks ?? []).flatMap((disk, index) =>
            disk.cdrom ? [{ path: `spec.domain.devices.disks[${index}].cdrom`, reason: 'no CD-ROMs here', severity: 'warning' as const, rule: 'plugin/no-cdrom' }] : [],
          ),
      };
      expect(problemsAfter(() => undefined, [noCdrom])).toEqual([
        { path: 'spec.domain.devices.disks[1].cdrom', reason: 'no CD-ROMs here', severity: 'warning', rule: 'plugin/no-cdrom' },
      ]);
    });

    it('reports a throwing rule as an error and still runs the others', () => {
      const broken: VmiRule = {
        name: 'plugin/broken',
        validate: () => {
          throw new Error('boom');
        },
      };
      const after: VmiRule = { name: 'plugin/after', validate: () => [{ path: 'spec', reason: 'ran', severity: 'warning', rule: 'plugin/after' }] };
      expect(problemsAfter(() => undefined, [broken, after])).toEqual([
        { path: '', reason: 'rule failed: boom', severity: 'error', rule: 'plugin/broken' },
        { path: 'spec', reason: 'ran', severity: 'warning', rule: 'plugin/after' },
      ]);
    });
  });
});
