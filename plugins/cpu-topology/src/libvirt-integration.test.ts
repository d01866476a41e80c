// cpu-topology against real parts: every golden XML is defined (with libvirt's validation) on a
// private libvirtd, and one VMI with CPU hotplug boots the tiny guest, which reports its vCPUs
// and topology from /proc/cpuinfo, then takes a hot-plugged vCPU.
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { loadGoldenCases } from '@kvmkit/core/testing';
import { connect, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { loadManifests, withDefaults } from '@kvmkit/vmi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuTopologyPlugin } from './plugin.ts';
import { bootableFramePlugin } from './test-support/bootable-frame.ts';
import { guestOutput, waitForAgent } from './test-support/guest-agent.ts';

const DEFINE_VALIDATE = 1;
const AFFECT_LIVE = 1;

const HOTPLUG_VMI = `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: cpu-topology-boot
  namespace: lab
spec:
  domain:
    cpu:
      sockets: 1
      cores: 2
      threads: 1
      maxSockets: 2
    memory:
      guest: 256Mi
    devices: {}
`;

let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;
let image: GuestImage;
let virtType: 'kvm' | 'qemu';

beforeAll(async () => {
  const [builtImage, probe, started] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
  image = builtImage;
  virtType = probe.virtType;
  daemon = started;
  connection = await connect(daemon.uri);
}, 120_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

/** Counts `key : value` lines of /proc/cpuinfo by value. */
function cpuinfoValues(cpuinfo: string, key: string): string[] {
  return cpuinfo.split('\n').filter((line) => line.startsWith(`${key}\t`) || line.startsWith(`${key} `)).map((line) => line.split(':')[1]?.trim() ?? '');
}

describe('cpu-topology on a private libvirtd', () => {
  it('every golden domain is accepted by libvirt define with validation', async () => {
    const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));
    const refused: string[] = [];
    for (const goldenCase of cases) {
      const xml = readFileSync(goldenCase.expectedXmlPath, 'utf8');
      try {
        const defined = await connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
        await connection.domainUndefine(defined);
      } catch (error) {
        refused.push(`${goldenCase.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it('boots a hot-pluggable topology; the guest sees it and takes another vCPU', async () => {
    const consoleLog = join(daemon.layout.baseDir, 'cpu-topology-console.log');
    const vmi = loadManifests(HOTPLUG_VMI).vmis[0]!.vmi;
    const converter = createConverter({ plugins: [bootableFramePlugin(image, consoleLog), cpuTopologyPlugin] });
    const { xml } = converter.convert(withDefaults(vmi), defaultConverterContext({ virtType }));
    let domain: Domain = await connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      domain = await connection.domainCreateWithFlags(domain, 0);
      await waitForFileLine(consoleLog, image.readyLine, 150_000);
      await waitForAgent(connection, domain, 60_000);

      const cpuinfo = await guestOutput(connection, domain, '/bin/sh', ['-c', 'cat /proc/cpuinfo']);
      expect(cpuinfoValues(cpuinfo, 'processor')).toEqual(['0', '1']);
      expect(new Set(cpuinfoValues(cpuinfo, 'physical id'))).toEqual(new Set(['0']));
      expect(new Set(cpuinfoValues(cpuinfo, 'cpu cores'))).toEqual(new Set(['2']));
      expect(new Set(cpuinfoValues(cpuinfo, 'siblings'))).toEqual(new Set(['2']));
      const cpuDirectory = (name: string) => guestOutput(connection, domain, '/bin/sh', ['-c', `cat /sys/devices/system/cpu/${name}`]);
      expect((await cpuDirectory('possible')).trim()).toBe('0-3');
      expect((await cpuDirectory('present')).trim()).toBe('0-1');

      await connection.domainSetVcpusFlags(domain, 3, AFFECT_LIVE);
      expect(await connection.domainGetVcpusFlags(domain, AFFECT_LIVE)).toBe(3);
      // The guest learns of the new vCPU through an ACPI event; the tiny guest has no udev to
      // bring it online, so the test does what udev would.
      const online = await guestOutput(connection, domain, '/bin/sh', ['-c', 'for i in $(seq 1 100); do [ -e /sys/devices/system/cpu/cpu2/online ] && break; sleep 0.2; done; echo 1 > /sys/devices/system/cpu/cpu2/online && cat /proc/cpuinfo']);
      expect(cpuinfoValues(online, 'processor')).toEqual(['0', '1', '2']);
    } finally {
      await connection.domainDestroy(domain).catch(() => undefined);
      await connection.domainUndefine(domain);
    }
  }, 240_000);
});
