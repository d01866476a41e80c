import { parseDeviceXml, parseDomainXml } from '@kvmkit/domain-xml';
import { describe, expect, it } from 'vitest';
import { virtioMemResize, VirtioMemResizeError } from './virtio-mem-resize.ts';

// The shape libvirt reports for a running guest: sizes in KiB, alias, address, current size.
const liveXml = `<domain type='qemu' id='1'>
  <name>resize</name>
  <maxMemory slots='1' unit='KiB'>4194304</maxMemory>
  <memory unit='KiB'>4194304</memory>
  <currentMemory unit='KiB'>4194304</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>
  <cpu><numa><cell id='0' cpus='0' memory='1048576' unit='KiB'/></numa></cpu>
  <devices>
    <memory model='virtio-mem'>
      <target>
        <size unit='KiB'>3145728</size>
        <node>0</node>
        <block unit='KiB'>2048</block>
        <requested unit='KiB'>0</requested>
        <current unit='KiB'>0</current>
        <address base='0x100000000'/>
      </target>
      <alias name='virtiomem0'/>
      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
    </memory>
  </devices>
</domain>`;

describe('virtioMemResize', () => {
  const domain = parseDomainXml(liveXml);

  it('asks for the memory above the boot memory, keeping the alias and address', () => {
    const { deviceXml, requestedKiB } = virtioMemResize(domain, 3n * 1024n ** 3n);
    expect(requestedKiB).toBe(2 * 1024 * 1024);
    const parsed = parseDeviceXml(deviceXml);
    expect(parsed.kind).toBe('memory');
    if (parsed.kind !== 'memory') return;
    expect(parsed.device.target?.requested).toEqual({ value: 2097152, unit: 'KiB' });
    expect(parsed.device.target?.current).toBeUndefined();
    expect(parsed.device.target?.size).toEqual({ value: 3145728, unit: 'KiB' });
    expect(parsed.device.alias?.name).toBe('virtiomem0');
    expect(parsed.device.address?.bus).toBe('0x01');
    // The domain it was given is left alone.
    expect(domain.devices?.memories?.[0]?.target?.requested?.value).toBe(0);
  });

  it('goes back to the boot memory with requested 0', () => {
    expect(virtioMemResize(domain, 1024 ** 3).requestedKiB).toBe(0);
  });

  it('works out the boot memory without NUMA cells, from <memory> minus the devices, in any unit', () => {
    const withoutCells = parseDomainXml(liveXml.replace(/<cpu>.*<\/cpu>/, '').replace("<memory unit='KiB'>4194304</memory>", "<memory unit='GiB'>4</memory>"));
    expect(virtioMemResize(withoutCells, 1536n * 1024n ** 2n).requestedKiB).toBe(512 * 1024);
  });

  it('refuses sizes below the boot memory, above maxGuest, or off the block size', () => {
    expect(() => virtioMemResize(domain, 512n * 1024n ** 2n)).toThrow('512Mi is less than the 1Gi the guest booted with');
    expect(() => virtioMemResize(domain, 5n * 1024n ** 3n)).toThrow('5Gi is more than the 4Gi maximum (maxGuest)');
    expect(() => virtioMemResize(domain, 1025n * 1024n ** 2n)).toThrow('1025Mi is not 2Mi aligned');
    expect(() => virtioMemResize(domain, 1025n * 1024n ** 2n)).toThrow(VirtioMemResizeError);
  });

  it('refuses a domain without a virtio-mem device', () => {
    const plain = parseDomainXml(liveXml.replace(/<devices>[\s\S]*<\/devices>/, ''));
    expect(() => virtioMemResize(plain, 2n * 1024n ** 3n)).toThrow(/domain 'resize' has no virtio-mem device/);
  });
});
