// cpu-topology against real parts: every golden XML is defined (with libvirt's validation) on a
// private libvirtd, and one VMI with CPU hotplug boots the tiny guest, which reports its vCPUs
// and topology from /proc/cpuinfo, then takes a hot-plugged vCPU.
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { loadGoldenCases, tinyGuestTestPlugin } from '@kvmkit/core/testing';
import { GuestAgent, waitForGuestAgent } from '@kvmkit/domain-manager';
import { connect, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { loadManifests, withDefaults } from '@kvmkit/vmi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuTopologyPlugin } from './plugin.ts';

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

let lab: GuestLab<LibvirtConnection>;

beforeAll(async () => {
  lab = await startGuestLab(connect);
}, 120_000);

afterAll(() => lab.stop());

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
        const defined = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
        await lab.connection.domainUndefine(defined);
      } catch (error) {
        refused.push(`${goldenCase.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it('boots a hot-pluggable topology; the guest sees it and takes another vCPU', async () => {
    const consoleLog = join(lab.libvirtd.layout.baseDir, 'cpu-topology-console.log');
    const vmi = loadManifests(HOTPLUG_VMI).vmis[0]!.vmi;
    const converter = createConverter({ plugins: [tinyGuestTestPlugin({ ...lab.image, consoleLog }), cpuTopologyPlugin] });
    const { xml } = converter.convert(withDefaults(vmi), defaultConverterContext({ virtType: lab.virtType }));
    let domain: Domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      domain = await lab.connection.domainCreateWithFlags(domain, 0);
      await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
      const agent = new GuestAgent(lab.connection, domain, 'cpu-topology-boot', 30);
      await waitForGuestAgent(agent, 60_000, 500);
      const shell = async (command: string): Promise<string> => {
        const { exitCode, stdout } = await agent.exec('/bin/sh', ['-c', command], 60, 300);
        expect(exitCode, command).toBe(0);
        return stdout;
      };

      const cpuinfo = await shell('cat /proc/cpuinfo');
      expect(cpuinfoValues(cpuinfo, 'processor')).toEqual(['0', '1']);
      expect(new Set(cpuinfoValues(cpuinfo, 'physical id'))).toEqual(new Set(['0']));
      expect(new Set(cpuinfoValues(cpuinfo, 'cpu cores'))).toEqual(new Set(['2']));
      expect(new Set(cpuinfoValues(cpuinfo, 'siblings'))).toEqual(new Set(['2']));
      const cpuDirectory = (name: string) => shell(`cat /sys/devices/system/cpu/${name}`);
      expect((await cpuDirectory('possible')).trim()).toBe('0-3');
      expect((await cpuDirectory('present')).trim()).toBe('0-1');

      await lab.connection.domainSetVcpusFlags(domain, 3, AFFECT_LIVE);
      expect(await lab.connection.domainGetVcpusFlags(domain, AFFECT_LIVE)).toBe(3);
      // The guest learns of the new vCPU through an ACPI event; the tiny guest has no udev to
      // bring it online, so the test does what udev would.
      const online = await shell('for i in $(seq 1 100); do [ -e /sys/devices/system/cpu/cpu2/online ] && break; sleep 0.2; done; echo 1 > /sys/devices/system/cpu/cpu2/online && cat /proc/cpuinfo');
      expect(cpuinfoValues(online, 'processor')).toEqual(['0', '1', '2']);
    } finally {
      await lab.connection.domainDestroy(domain).catch(() => undefined);
      await lab.connection.domainUndefine(domain);
    }
  }, 240_000);
});
