import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../types.ts';
import { firmwareUuidForName, uuidV5 } from './firmware-uuid.ts';
import { withDefaults } from './with-defaults.ts';

function vmi(spec: Partial<VirtualMachineInstance['spec']> = {}, name = 'testvmi'): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name },
    spec: { domain: { devices: {} }, ...spec },
  };
}

describe('withDefaults', () => {
  it('fills an empty VMI as the mutating webhook would on amd64', () => {
    const result = withDefaults(vmi({ domain: { devices: {}, resources: { requests: { memory: '64Mi' } } } }));
    expect(result.spec).toEqual({
      architecture: 'amd64',
      domain: {
        machine: { type: 'q35' },
        resources: { requests: { memory: '64Mi' } },
        memory: { guest: '64Mi' },
        cpu: { sockets: 1, cores: 1, threads: 1, model: 'host-model' },
        firmware: { uuid: 'f8918e71-270a-598e-a2a4-1afac39e1394' },
        features: { acpi: { enabled: true } },
        devices: {
          interfaces: [{ name: 'default', masquerade: {}, model: 'virtio' }],
        },
      },
      networks: [{ name: 'default', pod: {} }],
      terminationGracePeriodSeconds: 30,
    });
  });

  it('never changes its input', () => {
    const input = vmi({ volumes: [{ name: 'root', containerDisk: { image: 'img' } }] });
    const before = structuredClone(input);
    const result = withDefaults(input);
    expect(input).toEqual(before);
    expect(result).not.toBe(input);
    expect(result.spec.domain.devices.disks).toHaveLength(1);
  });

  it('is idempotent', () => {
    const once = withDefaults(vmi({ volumes: [{ name: 'root', containerDisk: { image: 'img:1' } }] }));
    expect(withDefaults(once)).toEqual(once);
  });

  it('keeps what the manifest sets', () => {
    const result = withDefaults(
      vmi({
        domain: {
          machine: { type: 'pc-q35-9.2' },
          cpu: { cores: 2, model: 'Skylake' },
          memory: { guest: '1Gi' },
          firmware: { uuid: '11111111-2222-3333-4444-555555555555' },
          features: { acpi: { enabled: false } },
          resources: { requests: { memory: '2Gi' } },
          devices: {},
        },
        terminationGracePeriodSeconds: 0,
      }),
    );
    expect(result.spec.domain.machine).toEqual({ type: 'pc-q35-9.2' });
    // The others of a partly given topology are 1, as virt-launcher reads them.
    expect(result.spec.domain.cpu).toEqual({ cores: 2, sockets: 1, threads: 1, model: 'Skylake' });
    expect(result.spec.domain.memory?.guest).toBe('1Gi');
    expect(result.spec.domain.firmware?.uuid).toBe('11111111-2222-3333-4444-555555555555');
    expect(result.spec.domain.features?.acpi).toEqual({ enabled: false });
    expect(result.spec.terminationGracePeriodSeconds).toBe(0);
  });

  it('takes guest memory from the limit when there is no request, else from the hugepage size', () => {
    const fromLimit = withDefaults(vmi({ domain: { devices: {}, resources: { limits: { memory: '128Mi' } } } }));
    expect(fromLimit.spec.domain.memory?.guest).toBe('128Mi');
    const fromHugepages = withDefaults(vmi({ domain: { devices: {}, memory: { hugepages: { pageSize: '2Mi' } } } }));
    expect(fromHugepages.spec.domain.memory).toEqual({ hugepages: { pageSize: '2Mi' }, guest: '2Mi' });
    const zeroRequest = withDefaults(
      vmi({ domain: { devices: {}, resources: { requests: { memory: '0' }, limits: { memory: '1Gi' } } } }),
    );
    expect(zeroRequest.spec.domain.memory?.guest).toBe('1Gi');
  });

  it('puts the CPU limit, rounded up, into sockets and copies it to the request', () => {
    const result = withDefaults(vmi({ domain: { devices: {}, resources: { limits: { cpu: '2500m' } } } }));
    expect(result.spec.domain.cpu).toMatchObject({ sockets: 3, cores: 1, threads: 1 });
    expect(result.spec.domain.resources?.requests).toEqual({ cpu: '2500m' });
    const fromRequest = withDefaults(vmi({ domain: { devices: {}, resources: { requests: { cpu: '2' } } } }));
    expect(fromRequest.spec.domain.cpu).toMatchObject({ sockets: 2 });
  });

  it('defaults disks: device type, SATA bus on amd64, CD-ROM read-only and closed, no dedicated IO thread', () => {
    const result = withDefaults(
      vmi({
        domain: {
          devices: {
            disks: [
              { name: 'plain' },
              { name: 'virtio', disk: { bus: 'virtio' } },
              { name: 'iso', cdrom: {} },
              { name: 'lun', lun: {} },
            ],
          },
        },
      }),
    );
    expect(result.spec.domain.devices.disks).toEqual([
      { name: 'plain', disk: { bus: 'sata' }, dedicatedIOThread: false },
      { name: 'virtio', disk: { bus: 'virtio' }, dedicatedIOThread: false },
      { name: 'iso', cdrom: { bus: 'sata', readonly: true, tray: 'closed' }, dedicatedIOThread: false },
      { name: 'lun', lun: { bus: 'sata' }, dedicatedIOThread: false },
    ]);
  });

  it('adds a disk for every volume that has neither disk nor filesystem', () => {
    const result = withDefaults(
      vmi({
        domain: { devices: { disks: [{ name: 'a' }], filesystems: [{ name: 'fs', virtiofs: {} }] } },
        volumes: [
          { name: 'a', emptyDisk: { capacity: '1Gi' } },
          { name: 'fs', persistentVolumeClaim: { claimName: 'c' } },
          { name: 'b', emptyDisk: { capacity: '1Gi' } },
        ],
      }),
    );
    expect(result.spec.domain.devices.disks?.map((disk) => disk.name)).toEqual(['a', 'b']);
  });

  it('uses the arm64 rules: virt machine, virtio bus, host-passthrough, EFI without secure boot', () => {
    const result = withDefaults(vmi({ domain: { devices: { disks: [{ name: 'd' }] } } }), { architecture: 'arm64' });
    expect(result.spec.architecture).toBe('arm64');
    expect(result.spec.domain.machine?.type).toBe('virt');
    expect(result.spec.domain.cpu?.model).toBe('host-passthrough');
    expect(result.spec.domain.devices.disks?.[0]?.disk?.bus).toBe('virtio');
    expect(result.spec.domain.firmware?.bootloader).toEqual({ efi: { secureBoot: false } });
  });

  it('turns ACPI off by default on s390x and uses the diag288 watchdog', () => {
    const result = withDefaults(vmi({ architecture: 's390x', domain: { devices: { watchdog: { name: 'w' } } } }));
    expect(result.spec.domain.features?.acpi).toEqual({ enabled: false });
    expect(result.spec.domain.devices.watchdog).toEqual({ name: 'w', diag288: { action: 'reset' } });
  });

  it('adds no pod network when interfaces or networks exist or auto-attach is off', () => {
    const withNetwork = withDefaults(vmi({ networks: [{ name: 'n', pod: {} }] }));
    expect(withNetwork.spec.domain.devices.interfaces).toBeUndefined();
    const off = withDefaults(vmi({ domain: { devices: { autoattachPodInterface: false } } }));
    expect(off.spec.networks).toBeUndefined();
    const bridge = withDefaults(vmi(), { defaultNetworkInterface: 'bridge' });
    expect(bridge.spec.domain.devices.interfaces).toEqual([{ name: 'default', bridge: {}, model: 'virtio' }]);
  });

  it('leaves SR-IOV interfaces without a model', () => {
    const result = withDefaults(
      vmi({ domain: { devices: { interfaces: [{ name: 'vf', sriov: {} }] } }, networks: [{ name: 'vf', multus: { networkName: 'x' } }] }),
    );
    expect(result.spec.domain.devices.interfaces).toEqual([{ name: 'vf', sriov: {} }]);
  });

  it('enables present features and timers, with 4096 spinlock retries, and defaults inputs and watchdogs', () => {
    const result = withDefaults(
      vmi({
        domain: {
          devices: { inputs: [{ name: 'tablet', type: '' }], watchdog: { name: 'w' } },
          features: { smm: {}, apic: {}, hyperv: { relaxed: {}, spinlocks: {}, synictimer: { direct: {} } } },
          clock: { utc: {}, timer: { hpet: {}, rtc: { tickPolicy: 'catchup' } } },
        },
      }),
    );
    expect(result.spec.domain.features).toEqual({
      acpi: { enabled: true },
      smm: { enabled: true },
      apic: { enabled: true },
      hyperv: {
        relaxed: { enabled: true },
        spinlocks: { enabled: true, spinlocks: 4096 },
        synictimer: { enabled: true, direct: { enabled: true } },
      },
    });
    expect(result.spec.domain.clock?.timer).toEqual({ hpet: { present: true }, rtc: { tickPolicy: 'catchup', present: true } });
    expect(result.spec.domain.devices.inputs).toEqual([{ name: 'tablet', type: 'tablet', bus: 'usb' }]);
    expect(result.spec.domain.devices.watchdog).toEqual({ name: 'w', i6300esb: { action: 'reset' } });
  });

  it('sets container disk pull policies as Kubernetes does for images', () => {
    const result = withDefaults(
      vmi({
        volumes: [
          { name: 'a', containerDisk: { image: 'quay.io/x/cirros' } },
          { name: 'b', containerDisk: { image: 'quay.io/x/cirros:latest' } },
          { name: 'c', containerDisk: { image: 'quay.io/x/cirros:1.0' } },
          { name: 'd', containerDisk: { image: 'quay.io/x/cirros@sha256:00' } },
          { name: 'e', containerDisk: { image: 'quay.io/x/cirros', imagePullPolicy: 'Never' } },
        ],
      }),
    );
    expect(result.spec.volumes?.map((volume) => volume.containerDisk?.imagePullPolicy)).toEqual([
      'Always',
      'Always',
      'IfNotPresent',
      'IfNotPresent',
      'Never',
    ]);
  });

  it('defaults probe thresholds', () => {
    const result = withDefaults(vmi({ readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 } }));
    expect(result.spec.readinessProbe).toEqual({
      exec: { command: ['true'] },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('builds the domain and devices a manifest left out', () => {
    const bare = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'x' }, spec: {} };
    const result = withDefaults(bare as unknown as VirtualMachineInstance);
    expect(result.spec.domain.machine?.type).toBe('q35');
    expect(result.spec.domain.devices.interfaces).toHaveLength(1);
  });
});

describe('firmware UUID', () => {
  it('is the version 5 UUID of the name in KubeVirt namespace (checked against Python uuid.uuid5)', () => {
    expect(firmwareUuidForName('testvmi')).toBe('f8918e71-270a-598e-a2a4-1afac39e1394');
  });

  it('matches the RFC 9562 example for the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});
