import type { VirtualMachineInstance } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import type { HostDeviceResources } from './host-device-resources.ts';
import { resolveHostDevice } from './resolve-host-device.ts';

const vmi: VirtualMachineInstance = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachineInstance',
  metadata: { name: 'gpus', namespace: 'tests' },
  spec: {
    domain: {
      devices: {
        hostDevices: [
          { name: 'gpu-a', deviceName: 'nvidia.com/GA102' },
          { name: 'usb', deviceName: 'kubevirt.io/storage' },
          { name: 'gpu-b', deviceName: 'nvidia.com/GA102' },
          { name: 'gpu-c', deviceName: 'nvidia.com/GA102' },
          { name: 'nothing', deviceName: 'example.com/none' },
        ],
      },
    },
  },
};

const resources: HostDeviceResources = {
  'nvidia.com/GA102': [{ type: 'pci', address: '0000:17:00.0' }, { type: 'pci', address: '0000:65:00.0' }],
  'kubevirt.io/storage': [{ type: 'usb', vendor: '0x0781', product: '0x5583' }],
};

describe('resolveHostDevice', () => {
  it("gives the VMI's host devices of one resource that resource's devices in order", () => {
    expect(resolveHostDevice(vmi, 'gpu-a', resources, 'tests/gpus')).toEqual({ type: 'pci', address: '0000:17:00.0' });
    expect(resolveHostDevice(vmi, 'gpu-b', resources, 'tests/gpus')).toEqual({ type: 'pci', address: '0000:65:00.0' });
    expect(resolveHostDevice(vmi, 'usb', resources, 'tests/gpus')).toEqual({ type: 'usb', vendor: '0x0781', product: '0x5583' });
  });

  it('names spec.domain.devices.hostDevices and the name when the VMI has no such host device', () => {
    expect(() => resolveHostDevice(vmi, 'gpu-z', resources, 'tests/gpus')).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST', details: { vmi: 'tests/gpus', path: 'spec.domain.devices.hostDevices' }, message: expect.stringMatching(/^spec\.domain\.devices\.hostDevices: .*'gpu-z'.*'gpu-a'/) as unknown }),
    );
  });

  it('names the deviceName when no host device provides it, or too few do', () => {
    expect(() => resolveHostDevice(vmi, 'nothing', resources, 'tests/gpus')).toThrow(
      expect.objectContaining({ code: 'INVALID_REQUEST', details: { vmi: 'tests/gpus', path: 'spec.domain.devices.hostDevices[4].deviceName' }, message: expect.stringContaining("'example.com/none'") as unknown }),
    );
    expect(() => resolveHostDevice(vmi, 'gpu-c', resources, 'tests/gpus')).toThrow(expect.objectContaining({ details: { vmi: 'tests/gpus', path: 'spec.domain.devices.hostDevices[3].deviceName' } }));
    expect(() => resolveHostDevice(vmi, 'gpu-a', undefined, 'tests/gpus')).toThrow(/hostDeviceResources/);
  });

  it('refuses a malformed PCI address in the resources, naming the option entry', () => {
    expect(() => resolveHostDevice(vmi, 'gpu-a', { 'nvidia.com/GA102': [{ type: 'pci', address: '17:00.0' }] }, 'tests/gpus')).toThrow(
      expect.objectContaining({ details: { vmi: 'tests/gpus', path: 'hostDeviceResources["nvidia.com/GA102"][0].address' } }),
    );
  });
});
