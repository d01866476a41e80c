// The real thing: a VMI with a persistent TPM converts, a private libvirtd defines it with
// validation, starts swtpm and QEMU, the tiny guest finds its TPM, and the swtpm state outlives a
// stop and start and an undefine that keeps it — and goes with the undefine that removes it.
import { createConverter, defaultConverterContext } from '@kvmkit/core';
import { connect, type Domain, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { loadManifests, withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootablePlugin } from './test-support/bootable-plugin.ts';
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

let libvirtd: PrivateLibvirtd;
let libvirt: LibvirtConnection;
let image: GuestImage;
let virtType: 'kvm' | 'qemu';

beforeAll(async () => {
  const [builtImage, probe, daemon] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
  image = builtImage;
  virtType = probe.virtType;
  libvirtd = daemon;
  libvirt = await connect(libvirtd.uri);
}, 180_000);

afterAll(async () => {
  await libvirt.close();
  await libvirtd.stop();
}, 60_000);

/**
 * How many times swtpm_setup manufactured a TPM for the domain `name`: libvirt 9.0 runs it only
 * when the domain has no TPM state yet, and it logs to swtpm's log directory, which the private
 * daemon keeps under its own base directory (`<swtpmLogDir>/libvirt/qemu/<name>-swtpm.log`).
 */
function manufacturingCount(name: string): number {
  const log = join(libvirtd.layout.swtpmLogDir, 'libvirt', 'qemu', `${name}-swtpm.log`);
  return existsSync(log) ? readFileSync(log, 'utf8').split('Starting vTPM manufacturing').length - 1 : 0;
}

/** Runs a shell command in the guest through qemu-ga's guest-exec and returns its output. */
async function inGuest(domain: Domain, command: string): Promise<{ exitcode: number; stdout: string }> {
  const started = await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-exec', arguments: { path: '/bin/sh', arg: ['-c', command], 'capture-output': true } }), 30);
  const { pid } = (JSON.parse(started ?? '{}') as { return: { pid: number } }).return;
  for (;;) {
    const reply = await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-exec-status', arguments: { pid } }), 30);
    const status = (JSON.parse(reply ?? '{}') as { return: { exited: boolean; exitcode?: number; 'out-data'?: string } }).return;
    if (status.exited) return { exitcode: status.exitcode ?? -1, stdout: Buffer.from(status['out-data'] ?? '', 'base64').toString('utf8') };
    await sleep(200);
  }
}

/** Boots the defined domain and waits until the guest is up and its agent answers. */
async function bootAndWait(domain: Domain, consoleLog: string): Promise<void> {
  writeFileSync(consoleLog, '');
  await libvirt.domainCreate(domain);
  await waitForFileLine(consoleLog, image.readyLine, BOOT_TIMEOUT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      await libvirt.qemuDomainAgentCommand(domain, '{"execute":"guest-ping"}', 10);
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      await sleep(1000);
    }
  }
}

describe('a persistent TPM on a real libvirtd, swtpm and QEMU', () => {
  it('is seen by the guest, keeps its state across stop and start, and is removed only with the VMI', async () => {
    const consoleLog = join(libvirtd.layout.baseDir, 'tpm-console.log');
    const loaded = loadManifests(VMI_YAML).vmis[0]?.vmi as VirtualMachineInstance;
    const vmi = withDefaults(loaded);
    const converter = createConverter({ plugins: [bootablePlugin({ ...image, consoleLog }), tpmPlugin] });
    const { xml } = converter.convert(vmi, defaultConverterContext({ virtType }));
    expect(xml).toContain("<tpm model='tpm-crb'>");

    const uuid = vmi.spec.domain.firmware?.uuid ?? '';
    const stateDirectory = tpmStateDirectory(uuid, libvirtd.layout.stateDir);
    const stateFile = join(stateDirectory, 'tpm2', 'tpm2-00.permall');
    const domain = await libvirt.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    expect(existsSync(stateFile)).toBe(false);
    const manufacturedBefore = manufacturingCount('tpm-boot');

    await bootAndWait(domain, consoleLog);
    const firstBoot = await inGuest(domain, 'ls /sys/class/tpm && ls /dev/tpm0 && cat /sys/class/tpm/tpm0/tpm_version_major');
    expect(firstBoot).toEqual({ exitcode: 0, stdout: 'tpm0\n/dev/tpm0\n2\n' });
    expect(existsSync(stateFile)).toBe(true);
    await libvirt.domainDestroy(domain);
    expect(existsSync(stateFile)).toBe(true);

    await bootAndWait(domain, consoleLog);
    const secondBoot = await inGuest(domain, 'ls /dev/tpm0');
    expect(secondBoot).toEqual({ exitcode: 0, stdout: '/dev/tpm0\n' });
    await libvirt.domainDestroy(domain);
    // Manufactured (EK, certificates) once, at the first start; the second start used that state.
    expect(manufacturingCount('tpm-boot') - manufacturedBefore).toBe(1);

    // Redefinition while the VMI lives: the state stays for the next domain with this UUID.
    await libvirt.domainUndefineFlags(domain, tpmUndefineFlags(vmi, 'vmi-kept'));
    expect(existsSync(stateFile)).toBe(true);
    const redefined = await libvirt.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    // The VMI is deleted: its TPM state goes.
    await libvirt.domainUndefineFlags(redefined, tpmUndefineFlags(vmi, 'vmi-deleted'));
    expect(existsSync(stateDirectory)).toBe(false);
    expect(readdirSync(join(libvirtd.layout.stateDir, 'swtpm'))).toEqual([]);
  }, 420_000);
});
