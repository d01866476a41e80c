// Proves the plugin against the real thing: every golden domain is accepted by a private libvirtd
// (define with validation), the tiny guest boots on QEMU with its boot memory and a virtio-mem
// device, and a resize through virtioMemResize goes through libvirt's live update-device.
import { baseMemoryStandInPlugin, convertGoldenCase, loadGoldenCases, tinyGuestTestPlugin } from '@kvmkit/core/testing';
import { parseDomainXml } from '@kvmkit/domain-xml';
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { GuestAgent, waitForGuestAgent } from '@kvmkit/domain-manager';
import { connect, DeviceModify, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { basePlugin } from '@kvmkit/plugin-base';
import { cpuTopologyPlugin } from '@kvmkit/plugin-cpu-topology';
import { hugepagesPlugin } from '@kvmkit/plugin-hugepages';
import { loadManifests, withDefaults } from '@kvmkit/vmi';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { virtioMemPlugin } from './plugin.ts';
import { virtioMemResize } from './virtio-mem-resize.ts';

const DEFINE_VALIDATE = 1;
const MiB = 1024n * 1024n;
const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The standard output of a shell command in the guest; the command must succeed. */
async function guestShell(agent: GuestAgent, command: string): Promise<string> {
  const { exitCode, stdout } = await agent.exec('/bin/sh', ['-c', command], 30, 500);
  expect(exitCode, command).toBe(0);
  return stdout;
}

/** MemTotal from the guest's /proc/meminfo, in KiB. */
async function guestMemTotalKiB(agent: GuestAgent): Promise<number> {
  return Number(/MemTotal:\s+(\d+) kB/.exec(await guestShell(agent, 'grep MemTotal /proc/meminfo'))?.[1]);
}

describe('virtio-mem on a real libvirtd and QEMU', () => {
  let lab: GuestLab<LibvirtConnection>;

  beforeAll(async () => {
    lab = await startGuestLab(connect);
  }, 150_000);

  afterAll(() => lab.stop(), 60_000);

  it.each(cases.map((goldenCase) => [goldenCase.name, goldenCase] as const))('libvirtd defines %s with validation', async (name, goldenCase) => {
    const { xml } = convertGoldenCase({ ...goldenCase, context: { ...goldenCase.context, virtType: lab.virtType } }, [baseMemoryStandInPlugin, virtioMemPlugin]);
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      const defined = parseDomainXml(await lab.connection.domainGetXmlDesc(domain));
      expect(defined.name).toBe(name);
      const device = parseDomainXml(xml).devices?.memories?.[0];
      expect(defined.devices?.memories?.[0]?.target?.size).toEqual(device?.target?.size);
      expect(defined.devices?.memories?.[0]?.target?.requested).toEqual(device?.target?.requested);
    } finally {
      await lab.connection.domainUndefine(domain);
    }
  });

  it('composes with the base, cpu-topology and hugepages plugins into a domain libvirtd defines', async () => {
    const vmi = loadManifests(`apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: composed }
spec:
  domain:
    cpu: { cores: 2 }
    memory: { guest: 1Gi, maxGuest: 2Gi, hugepages: { pageSize: 2Mi } }
    devices: {}
`).vmis[0]!.vmi;
    const converter = createConverter({ plugins: [basePlugin, cpuTopologyPlugin, hugepagesPlugin, virtioMemPlugin] });
    const { xml } = converter.convert(withDefaults(vmi), defaultConverterContext({ virtType: lab.virtType }));
    const converted = parseDomainXml(xml);
    // virtio-mem writes the boot-memory cell before hugepages looks; the vCPUs come from cpu-topology.
    expect(converted.cpu?.numa?.cells).toEqual([{ id: 0, cpus: '0-1', memory: 1048576, unit: 'KiB' }]);
    expect(converted.memoryBacking).toEqual({ hugepages: { pages: [{ size: 2048, unit: 'KiB' }] }, source: { type: 'memfd' } });
    expect(converted.maxMemory).toEqual({ value: 2097152, unit: 'KiB', slots: 1 });
    expect(converted.devices?.memories?.[0]?.target?.block).toEqual({ value: 2048, unit: 'KiB' });
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      const defined = parseDomainXml(await lab.connection.domainGetXmlDesc(domain));
      expect(defined.memory).toEqual({ value: 2097152, unit: 'KiB' });
      expect(defined.devices?.memories?.[0]?.target?.size).toEqual({ value: 1048576, unit: 'KiB' });
    } finally {
      await lab.connection.domainUndefine(domain);
    }
  });

  it('boots the tiny guest with 1Gi of boot memory and a virtio-mem device, then resizes it live', async () => {
    const goldenCase = structuredClone(cases.find((found) => found.name === 'hotplug-2mi-blocks')!);
    goldenCase.vmi.spec.domain.memory = { guest: '1Gi', maxGuest: '2Gi' };
    goldenCase.vmi.spec.domain.cpu = { cores: 1 };
    const consoleLog = join(lab.libvirtd.layout.baseDir, 'virtio-mem-console.log');
    const { xml } = convertGoldenCase({ ...goldenCase, context: { virtType: lab.virtType } }, [baseMemoryStandInPlugin, virtioMemPlugin, tinyGuestTestPlugin({ ...lab.image, consoleLog })]);
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    await lab.connection.domainCreate(domain);
    try {
      const live = parseDomainXml(await lab.connection.domainGetXmlDesc(domain));
      expect(live.maxMemory).toEqual({ value: 2097152, unit: 'KiB', slots: 1 });
      expect(live.cpu?.numa?.cells[0]).toMatchObject({ id: 0, memory: 1048576 });
      expect(live.devices?.memories?.[0]?.target).toMatchObject({ size: { value: 1048576, unit: 'KiB' }, requested: { value: 0, unit: 'KiB' } });

      await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
      const agent = new GuestAgent(lab.connection, domain, 'hotplug-2mi-blocks', 10);
      await waitForGuestAgent(agent, 60_000);
      // The guest sees its boot memory, not maxGuest, and the virtio-mem PCI device (1af4:1058).
      const bootTotalKiB = await guestMemTotalKiB(agent);
      expect(bootTotalKiB).toBeGreaterThan(900 * 1024);
      expect(bootTotalKiB).toBeLessThanOrEqual(1024 * 1024);
      expect((await guestShell(agent, 'cat /sys/bus/pci/devices/*/device')).split('\n')).toContain('0x1058');

      const resize = virtioMemResize(live, 1536n * MiB);
      expect(resize.requestedKiB).toBe(524288);
      await lab.connection.domainUpdateDeviceFlags(domain, resize.deviceXml, DeviceModify.LIVE);
      const resized = parseDomainXml(await lab.connection.domainGetXmlDesc(domain));
      expect(resized.devices?.memories?.[0]?.target?.requested).toEqual({ value: 524288, unit: 'KiB' });

      // The guest plugs the memory only with its virtio_mem driver, which the tiny guest image may
      // not ship: when it can load it, the new memory must show up in MemTotal.
      const driver = await guestShell(agent, 'echo online > /sys/devices/system/memory/auto_online_blocks; modprobe virtio_mem 2>/dev/null; test -d /sys/bus/virtio/drivers/virtio_mem && echo bound || echo absent');
      if (driver.trim() === 'bound') {
        let totalKiB = bootTotalKiB;
        for (let attempt = 0; attempt < 60 && totalKiB < bootTotalKiB + 500 * 1024; attempt += 1) {
          await sleep(1000);
          totalKiB = await guestMemTotalKiB(agent);
        }
        expect(totalKiB).toBeGreaterThanOrEqual(bootTotalKiB + 512 * 1024);
      } else {
        console.warn('virtio-mem: the guest image has no virtio_mem module; the plugged memory is not visible in the guest');
        expect(resized.devices?.memories?.[0]?.target?.current).toEqual({ value: 0, unit: 'KiB' });
      }
    } finally {
      await lab.connection.domainDestroy(domain);
      await lab.connection.domainUndefine(domain);
    }
  }, 300_000);
});
