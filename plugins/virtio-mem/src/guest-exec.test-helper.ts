// Runs a shell command in the tiny guest through qemu-guest-agent (guest-exec), over libvirt.
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';

type DomainHandle = Awaited<ReturnType<LibvirtConnection['domainLookupByName']>>;

interface ExecStatus {
  exited: boolean;
  exitcode?: number;
  'out-data'?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the agent answers (it starts a moment after the guest's ready line). */
export async function waitForAgent(libvirt: LibvirtConnection, domain: DomainHandle, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-ping' }), 5);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1000);
    }
  }
}

/** The command's standard output; fails on a non-zero exit. */
export async function guestShell(libvirt: LibvirtConnection, domain: DomainHandle, command: string): Promise<string> {
  const started = await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-exec', arguments: { path: '/bin/sh', arg: ['-c', command], 'capture-output': true } }), 10);
  const { pid } = (JSON.parse(started ?? '{}') as { return: { pid: number } }).return;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const reply = await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-exec-status', arguments: { pid } }), 10);
    const status = (JSON.parse(reply ?? '{}') as { return: ExecStatus }).return;
    if (status.exited) {
      if (status.exitcode !== 0) throw new Error(`guest command failed (${String(status.exitcode)}): ${command}`);
      return Buffer.from(status['out-data'] ?? '', 'base64').toString('utf8');
    }
    await sleep(500);
  }
  throw new Error(`guest command did not finish: ${command}`);
}

/** MemTotal from the guest's /proc/meminfo, in KiB. */
export async function guestMemTotalKiB(libvirt: LibvirtConnection, domain: DomainHandle): Promise<number> {
  const line = await guestShell(libvirt, domain, 'grep MemTotal /proc/meminfo');
  return Number(/MemTotal:\s+(\d+) kB/.exec(line)?.[1]);
}
