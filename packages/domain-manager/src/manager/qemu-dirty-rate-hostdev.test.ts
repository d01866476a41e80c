// The manager's dirty-rate measurement and host-device hotplug against real QEMU with the tiny
// guest, ONE boot for the file (TCG here). This host has no PCI or USB device to give away, so
// host-device hotplug is proven by libvirt's refusal of absent devices (the guest keeps running),
// the error paths, and attach/detach on the persistent definition of the stopped domain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConverter, KvmkitError } from '@kvmkit/core';
import { parseDomainXml } from '@kvmkit/domain-xml';
import { connect, DirtyRateStatus, DomainStatsType, LibvirtError, typedParamsToRecord, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestAgent } from '../agent/guest-agent.ts';
import { waitForGuestAgent } from '../agent/wait-for-guest-agent.ts';
import { createHostContextProvider } from '../context/host-context-provider.ts';
import { measureDirtyRate } from '../stats/dirty-rate.ts';
import { testPlugin, testVmi } from '../test-support/test-plugin.ts';
import { stopGuestLab } from '../test-support/stop-guest-lab.ts';
import { LibvirtDomainManager } from './libvirt-domain-manager.ts';

const vmi = 'tests/dirty';
const domainName = 'tests_dirty';
const XML_INACTIVE = 2;
/** A PCI address no host has (bus 0x7f, slot 0x1f, function 7 of domain 0). */
const ABSENT_PCI = '0000:7f:1f.7';
const workDir = mkdtempSync(join(tmpdir(), 'kvmkit-domain-manager-dirty-'));
let lab: GuestLab<LibvirtConnection>;
let manager: LibvirtDomainManager;

async function guestShell(command: string): Promise<string> {
  const result = await manager.exec(vmi, '/bin/sh', ['-c', command], 60);
  expect(result.exitCode, `${command}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function domainXml(flags = 0): Promise<string> {
  return lab.connection.domainGetXmlDesc(await lab.connection.domainLookupByName(domainName), flags);
}

async function dirtyRateStatus(): Promise<unknown> {
  const [record] = await lab.connection.connectGetAllDomainStats([await lab.connection.domainLookupByName(domainName)], DomainStatsType.DIRTYRATE);
  return typedParamsToRecord(record?.params ?? [])['dirtyrate.calc_status'];
}

beforeAll(async () => {
  lab = await startGuestLab(connect);
  const converter = createConverter({ plugins: [testPlugin({ ...lab.image, consoleDirectory: workDir })] });
  const contextProvider = createHostContextProvider({
    connection: lab.connection,
    virtType: { virtType: lab.virtType },
    directories: { state: join(workDir, 'state'), volumes: join(workDir, 'volumes') },
  });
  manager = new LibvirtDomainManager({
    connection: lab.connection, converter, contextProvider, agentTimeoutSeconds: 20, agentPolling: false, hotplugTimeoutMs: 30_000,
    hostDeviceResources: {
      'example.com/absent-nic': [{ type: 'pci', address: ABSENT_PCI }],
      'kubevirt.io/storage': [{ type: 'usb', vendor: '0xdead', product: '0xbeef' }],
    },
  });
  await manager.start();
  await manager.sync({ vmi: dirtyVmi() });
  await waitForFileLine(join(workDir, `${domainName}.log`), lab.image.readyLine, 150_000);
  await waitForGuestAgent(new GuestAgent(lab.connection, await lab.connection.domainLookupByName(domainName), vmi, 10), 60_000);
}, 240_000);

/** The test's VMI, with host devices named for the hotplug cases. */
function dirtyVmi(): ReturnType<typeof testVmi> {
  const dirty = testVmi('dirty', '256Mi');
  dirty.spec.domain.devices.hostDevices = [
    { name: 'nic', deviceName: 'example.com/absent-nic' },
    { name: 'storage', deviceName: 'kubevirt.io/storage' },
    { name: 'unprovided', deviceName: 'example.com/nobody-provides-this' },
  ];
  return dirty;
}

afterAll(() => stopGuestLab(manager, lab, domainName, workDir), 60_000);

describe('LibvirtDomainManager dirty rate on QEMU with the tiny guest', () => {
  it('measures over the asked period', async () => {
    const idle = await manager.dirtyRate(vmi, 1);
    expect(idle.calculationPeriodSeconds).toBe(1);
    expect(Number.isInteger(idle.megabytesPerSecond) && idle.megabytesPerSecond >= 0).toBe(true);
  }, 60_000);

  it('sees a guest that keeps rewriting 32Mi of tmpfs dirty its memory', async () => {
    // Random data: page sampling compares page contents, so rewriting zeros would not count.
    await guestShell('mkdir -p /tmp/dirty && (while :; do dd if=/dev/urandom of=/tmp/dirty/x bs=1M count=32 conv=notrunc 2>/dev/null; done) </dev/null >/dev/null 2>&1 & echo $! > /tmp/dirty.pid');
    try {
      const loaded = await manager.dirtyRate(vmi, 3);
      expect(loaded.calculationPeriodSeconds).toBe(3);
      expect(loaded.megabytesPerSecond).toBeGreaterThan(0);
    } finally {
      await guestShell('kill $(cat /tmp/dirty.pid)');
    }
  }, 90_000);

  it('leaves the domain to other operations while it measures, and refuses a second measurement meanwhile', async () => {
    const measuring = manager.dirtyRate(vmi, 3);
    let measured = false;
    void measuring.then(() => { measured = true; }, () => undefined);
    await expect(manager.dirtyRate(vmi, 1)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('already running') as unknown });
    // A sync takes the domain's lock: it finishes while the measurement still runs.
    await manager.sync({ vmi: dirtyVmi() });
    expect(measured).toBe(false);
    expect((await measuring).calculationPeriodSeconds).toBe(3);
  }, 60_000);

  it('refuses a period outside 1…60 whole seconds, naming the argument', async () => {
    for (const period of [0, 61, 1.5, Number.NaN]) {
      await expect(manager.dirtyRate(vmi, period)).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { vmi, path: 'calculationPeriodSeconds' } });
    }
    await expect(manager.dirtyRate('tests/absent', 1)).rejects.toMatchObject({ code: 'DOMAIN_NOT_FOUND' });
  });

  it('gives up with OPERATION_TIMEOUT when no result comes in time', async () => {
    const domain = await lab.connection.domainLookupByName(domainName);
    const late = await measureDirtyRate(lab.connection, domain, vmi, 2, { timeoutMs: 100 }).catch((error: unknown) => error);
    expect(KvmkitError.isInstance(late)).toBe(true);
    expect(late).toMatchObject({ code: 'OPERATION_TIMEOUT', details: { vmi } });
    expect((late as Error).message).toMatch(/dirty rate calculation for tests\/dirty \(a 2 s period\) had no result within 100 ms/);
    // QEMU refuses a second calculation while one runs: let this one end.
    await expect.poll(dirtyRateStatus, { timeout: 30_000, interval: 250 }).toBe(DirtyRateStatus.MEASURED);
  }, 60_000);
});

describe('LibvirtDomainManager host-device hotplug on QEMU with the tiny guest', () => {
  it('refuses a name the VMI does not have, naming spec.domain.devices.hostDevices', async () => {
    const error = await manager.hotplugHostDevice(vmi, 'gpu', true).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', details: { vmi, path: 'spec.domain.devices.hostDevices' } });
    expect((error as Error).message).toMatch(/^spec\.domain\.devices\.hostDevices: tests\/dirty has no host device named 'gpu' \(it has 'nic', 'storage', 'unprovided'\)/);
    await expect(manager.hotplugHostDevice(vmi, 'unprovided', true)).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { path: 'spec.domain.devices.hostDevices[2].deviceName' } });
    await expect(manager.hotplugHostDevice(vmi, 'nic', false)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: "spec.domain.devices.hostDevices: no host device named 'nic' is attached to tests/dirty" });
  });

  it("surfaces libvirt's refusal of a PCI device the host does not have; the guest keeps running", async () => {
    const error = await manager.hotplugHostDevice(vmi, 'nic', true).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'LIBVIRT_CALL_FAILED', details: { vmi, path: 'spec.domain.devices.hostDevices' } });
    expect((error as Error).message).toMatch(/^libvirt refused to attach host device 'nic' \(PCI device 0000:7f:1f\.7\) to tests\/dirty: ./);
    expect((error as Error).cause).toBeInstanceOf(LibvirtError);
    expect(await manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running' });
    expect(parseDomainXml(await domainXml()).devices?.hostdevs ?? []).toEqual([]);
    expect(parseDomainXml(await domainXml(XML_INACTIVE)).devices?.hostdevs ?? []).toEqual([]);
    await guestShell('true');
  }, 60_000);

  it("surfaces libvirt's refusal of a USB device the host does not have; the guest keeps running", async () => {
    const error = await manager.hotplugHostDevice(vmi, 'storage', true).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'LIBVIRT_CALL_FAILED', details: { vmi, path: 'spec.domain.devices.hostDevices' } });
    expect((error as Error).message).toMatch(/^libvirt refused to attach host device 'storage' \(USB device 0xdead:0xbeef\) to tests\/dirty: ./);
    expect(await manager.status(vmi)).toMatchObject({ phase: 'Running', state: 'running' });
    expect(parseDomainXml(await domainXml()).devices?.hostdevs ?? []).toEqual([]);
  }, 60_000);

  it('attaches to and detaches from the persistent definition of the stopped domain', async () => {
    await manager.kill(vmi);
    await manager.hotplugHostDevice(vmi, 'nic', true);
    const [hostdev] = parseDomainXml(await domainXml(XML_INACTIVE)).devices?.hostdevs ?? [];
    expect(hostdev).toMatchObject({ mode: 'subsystem', type: 'pci', managed: true, alias: { name: 'ua-hostdevice-nic' }, source: { address: { domain: '0x0000', bus: '0x7f', slot: '0x1f', function: '0x7' } } });
    await expect(manager.hotplugHostDevice(vmi, 'nic', true)).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: "spec.domain.devices.hostDevices: host device 'nic' is already attached to tests/dirty" });
    await manager.hotplugHostDevice(vmi, 'nic', false);
    expect(parseDomainXml(await domainXml(XML_INACTIVE)).devices?.hostdevs ?? []).toEqual([]);
  }, 60_000);
});
