// Proves the harness end to end: a private libvirtd boots the real tiny guest from a
// hand-written domain XML. virsh is used here only, until kvmkit's own RPC client exists.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine } from './index.ts';

const execFileAsync = promisify(execFile);

function minimalDomainXml(options: { name: string; virtType: string; kernel: string; initrd: string; cmdline: string; consoleLog: string }): string {
  return `<domain type='${options.virtType}'>
  <name>${options.name}</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <kernel>${options.kernel}</kernel>
    <initrd>${options.initrd}</initrd>
    <cmdline>${options.cmdline}</cmdline>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <serial type='file'>
      <source path='${options.consoleLog}'/>
      <target port='0'/>
    </serial>
    <channel type='unix'>
      <target type='virtio' name='org.qemu.guest_agent.0'/>
    </channel>
  </devices>
</domain>
`;
}

/** The command line of a live (non-zombie) process, or undefined when there is none. */
function commandLineOf(pid: number): string | undefined {
  try {
    const state = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.[0];
    return state === 'Z' ? undefined : readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** Processes whose command line mentions `needle`: what a leaked daemon or QEMU would look like. */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const commandLine = commandLineOf(Number(entry));
    if (commandLine?.includes(needle)) found.push(`${entry}: ${commandLine}`);
  }
  return found;
}

describe('test harness', () => {
  it('boots the tiny guest on a private libvirtd and leaves no process behind', async () => {
    const [image, probe, libvirtd] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
    const baseDir = libvirtd.layout.baseDir;
    let qemuPid: number | undefined;
    try {
      const consoleLog = join(baseDir, 'console.log');
      const domainFile = join(baseDir, 'domain.xml');
      const name = 'kvmkit-harness';
      writeFileSync(domainFile, minimalDomainXml({ name, virtType: probe.virtType, ...image, consoleLog }));
      const virsh = (...args: string[]) => execFileAsync('virsh', ['-c', libvirtd.uri, ...args]);

      await virsh('define', domainFile);
      await virsh('start', name);
      expect((await virsh('domstate', name)).stdout.trim()).toBe('running');
      qemuPid = Number(readFileSync(join(libvirtd.layout.runDir, 'qemu', `${name}.pid`), 'utf8'));
      expect(commandLineOf(qemuPid)).toContain(`guest=${name}`);

      await waitForFileLine(consoleLog, image.readyLine, 150_000);

      await virsh('destroy', name);
      expect((await virsh('domstate', name)).stdout.trim()).toBe('shut off');
      await virsh('undefine', name);
    } finally {
      await libvirtd.stop();
    }
    expect(processesMentioning(baseDir)).toEqual([]);
    expect(commandLineOf(libvirtd.pid)).toBeUndefined();
    expect(qemuPid).toBeGreaterThan(1);
    expect(commandLineOf(qemuPid)).toBeUndefined();
  }, 240_000);
});
