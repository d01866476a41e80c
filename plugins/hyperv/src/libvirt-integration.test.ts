// hyperv against real parts: every golden XML meant for this libvirt is defined (with libvirt's
// validation) on a private libvirtd, the newer-libvirt one is refused by it, and a VMI with
// Windows enlightenments boots the tiny guest with them on QEMU's command line. The boot leaves
// out vpindex and what needs it (synic, synictimer, tlbflush, ipi): QEMU 7.2 under TCG refuses
// vpindex ("kernel doesn't allow setting HyperV VP_INDEX"); those are proven by define only.
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
import { hypervPlugin } from './plugin.ts';

const DEFINE_VALIDATE = 1;

const WINDOWS_LIKE_VMI = `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: hyperv-boot
  namespace: lab
spec:
  domain:
    clock:
      utc: {}
      timer:
        hyperv: {}
    features:
      hyperv:
        relaxed: {}
        vapic: {}
        spinlocks:
          spinlocks: 8191
        runtime: {}
        reset: {}
        vendorid:
          vendorid: kvmkit
        frequencies: {}
        reenlightenment: {}
    memory:
      guest: 256Mi
    devices: {}
`;

let lab: GuestLab<LibvirtConnection>;

beforeAll(async () => {
  lab = await startGuestLab(connect);
}, 120_000);

afterAll(() => lab.stop());

async function defineError(xml: string): Promise<string | undefined> {
  try {
    await lab.connection.domainUndefine(await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('hyperv on a private libvirtd', () => {
  const cases = loadGoldenCases(fileURLToPath(new URL('./__fixtures__', import.meta.url)));

  it('every golden domain for this libvirt is accepted by define with validation', async () => {
    const refused: string[] = [];
    for (const goldenCase of cases.filter((entry) => entry.name !== 'tlbflush-flags-newer-libvirt')) {
      const error = await defineError(readFileSync(goldenCase.expectedXmlPath, 'utf8'));
      if (error !== undefined) refused.push(`${goldenCase.name}: ${error}`);
    }
    expect(refused).toEqual([]);
  }, 60_000);

  it('this libvirt refuses the TLB flush flags, which is why tlbflushFlags is off by default', async () => {
    const newer = cases.find((entry) => entry.name === 'tlbflush-flags-newer-libvirt')!;
    expect(await defineError(readFileSync(newer.expectedXmlPath, 'utf8'))).toMatch(/tlbflush|direct|schema|validat/i);
  }, 60_000);

  it('boots with the enlightenments handed to QEMU', async () => {
    const consoleLog = join(lab.libvirtd.layout.baseDir, 'hyperv-console.log');
    const vmi = loadManifests(WINDOWS_LIKE_VMI).vmis[0]!.vmi;
    const converter = createConverter({ plugins: [tinyGuestTestPlugin({ ...lab.image, consoleLog }), hypervPlugin], options: { hyperv: { windowsTimers: true } } });
    const { xml } = converter.convert(withDefaults(vmi), defaultConverterContext({ virtType: lab.virtType }));
    let domain: Domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    try {
      domain = await lab.connection.domainCreateWithFlags(domain, 0);
      const pid = Number(readFileSync(join(lab.libvirtd.layout.runDir, 'qemu', 'hyperv-boot.pid'), 'utf8'));
      const commandLine = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').split('\0');
      const cpuArgument = commandLine[commandLine.indexOf('-cpu') + 1] ?? '';
      for (const flag of ['hv-relaxed=on', 'hv-vapic=on', 'hv-spinlocks=0x1fff', 'hv-runtime=on', 'hv-reset=on', 'hv-vendor-id=kvmkit', 'hv-frequencies=on', 'hv-reenlightenment=on', 'hv-time=on']) {
        expect(cpuArgument).toContain(flag);
      }
      await waitForFileLine(consoleLog, lab.image.readyLine, 150_000);
      const agent = new GuestAgent(lab.connection, domain, 'hyperv-boot', 30);
      await waitForGuestAgent(agent, 60_000, 500);
      const { exitCode, stdout: kernelLog } = await agent.exec('/bin/sh', ['-c', 'dmesg'], 60, 300);
      expect(exitCode).toBe(0);
      // KVM builds the Hyper-V CPUID leaves; under TCG the guest cannot see them.
      if (lab.virtType === 'kvm') expect(kernelLog).toContain('Hyper-V');
      expect(kernelLog).toContain('Linux version');
    } finally {
      await lab.connection.domainDestroy(domain).catch(() => undefined);
      await lab.connection.domainUndefine(domain);
    }
  }, 240_000);
});
