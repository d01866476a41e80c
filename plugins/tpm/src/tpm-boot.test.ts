// The real thing: a VMI with a persistent TPM converts, a private libvirtd defines it with
// validation, starts swtpm and QEMU, the tiny guest finds its TPM, and the swtpm state outlives a
// stop and start and an undefine that keeps it — and goes with the undefine that removes it.
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { tinyGuestTestPlugin } from '@kvmkit/core/testing';
import { GuestAgent, waitForGuestAgent } from '@kvmkit/domain-manager';
import { connect, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { startGuestLab, waitForFileLine, type GuestLab } from '@kvmkit/testing';
import { loadManifests, withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tpmPlugin } from './tpm-plugin.ts';
import { tpmStateDirectory } from './tpm-state-directory.ts';
import { tpmUndefineFlags } from './tpm-undefine-flags.ts';

/** `VIR_DOMAIN_DEFINE_VALIDATE`: libvirt checks the XML against its schema before defining. */
const DEFINE_VALIDATE = 1;
const BOOT_TIMEOUT_MS = 150_000;

const VMI_YAML = `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: tpm-boot
spec:
  domain:
    devices:
      tpm:
        persistent: true
    resources:
      requests:
        memory: 256Mi
`;

let lab: GuestLab<LibvirtConnection>;

beforeAll(async () => {
  lab = await startGuestLab(connect);
}, 180_000);

afterAll(() => lab.stop(), 60_000);

/**
 * How many times swtpm_setup manufactured a TPM for the domain `name`: libvirt 9.0 runs it only
 * when the domain has no TPM state yet, and it logs to swtpm's log directory, which the private
 * daemon keeps under its own base directory (`<swtpmLogDir>/libvirt/qemu/<name>-swtpm.log`).
 */
function manufacturingCount(name: string): number {
  const log = join(lab.libvirtd.layout.swtpmLogDir, 'libvirt', 'qemu', `${name}-swtpm.log`);
  return existsSync(log) ? readFileSync(log, 'utf8').split('Starting vTPM manufacturing').length - 1 : 0;
}

/** Boots the defined domain and waits until the guest is up and its agent answers; returns the agent. */
async function bootAndWait(domain: Domain, consoleLog: string): Promise<GuestAgent> {
  writeFileSync(consoleLog, '');
  await lab.connection.domainCreate(domain);
  await waitForFileLine(consoleLog, lab.image.readyLine, BOOT_TIMEOUT_MS);
  const agent = new GuestAgent(lab.connection, domain, 'tpm-boot', 30);
  await waitForGuestAgent(agent, 30_000);
  return agent;
}

/** Runs a shell command in the guest through qemu-ga's guest-exec; its exit code and output. */
async function inGuest(agent: GuestAgent, command: string): Promise<{ exitCode: number; stdout: string }> {
  const { exitCode, stdout } = await agent.exec('/bin/sh', ['-c', command], 60);
  return { exitCode, stdout };
}

describe('a persistent TPM on a real lab.libvirtd, swtpm and QEMU', () => {
  it('is seen by the guest, keeps its state across stop and start, and is removed only with the VMI', async () => {
    const consoleLog = join(lab.libvirtd.layout.baseDir, 'tpm-console.log');
    const loaded = loadManifests(VMI_YAML).vmis[0]?.vmi as VirtualMachineInstance;
    const vmi = withDefaults(loaded);
    // ACPI carries the TPM's description (MSFT0101 and the TPM2 table): without it the guest sees no TPM.
    const converter = createConverter({ plugins: [tinyGuestTestPlugin({ ...lab.image, consoleLog, acpi: true }), tpmPlugin] });
    const { xml } = converter.convert(vmi, defaultConverterContext({ virtType: lab.virtType }));
    expect(xml).toContain("<tpm model='tpm-crb'>");

    const uuid = vmi.spec.domain.firmware?.uuid ?? '';
    const stateDirectory = tpmStateDirectory(uuid, lab.libvirtd.layout.stateDir);
    const stateFile = join(stateDirectory, 'tpm2', 'tpm2-00.permall');
    const domain = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    expect(existsSync(stateFile)).toBe(false);
    const manufacturedBefore = manufacturingCount('tpm-boot');

    const firstAgent = await bootAndWait(domain, consoleLog);
    const firstBoot = await inGuest(firstAgent, 'ls /sys/class/tpm && ls /dev/tpm0 && cat /sys/class/tpm/tpm0/tpm_version_major');
    expect(firstBoot).toEqual({ exitCode: 0, stdout: 'tpm0\n/dev/tpm0\n2\n' });
    expect(existsSync(stateFile)).toBe(true);
    await lab.connection.domainDestroy(domain);
    expect(existsSync(stateFile)).toBe(true);

    const secondAgent = await bootAndWait(domain, consoleLog);
    const secondBoot = await inGuest(secondAgent, 'ls /dev/tpm0');
    expect(secondBoot).toEqual({ exitCode: 0, stdout: '/dev/tpm0\n' });
    await lab.connection.domainDestroy(domain);
    // Manufactured (EK, certificates) once, at the first start; the second start used that state.
    expect(manufacturingCount('tpm-boot') - manufacturedBefore).toBe(1);

    // Redefinition while the VMI lives: the state stays for the next domain with this UUID.
    await lab.connection.domainUndefineFlags(domain, tpmUndefineFlags(vmi, 'vmi-kept'));
    expect(existsSync(stateFile)).toBe(true);
    const redefined = await lab.connection.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    // The VMI is deleted: its TPM state goes.
    await lab.connection.domainUndefineFlags(redefined, tpmUndefineFlags(vmi, 'vmi-deleted'));
    expect(existsSync(stateDirectory)).toBe(false);
    expect(readdirSync(join(lab.libvirtd.layout.stateDir, 'swtpm'))).toEqual([]);
  }, 420_000);
});
