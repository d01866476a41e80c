// README command 1. Each step prints one line, so a person can follow what happened.
import { buildGuestImage } from '@kvmkit/guest-image';
import { probeKvm } from '@kvmkit/host-probe';
import { libvirtdAnswers, startLibvirtd } from '@kvmkit/private-libvirtd';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const SYSTEM_SOCKET = '/run/libvirt/libvirt-sock';

interface DemoManifest {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
}

function step(text: string): void {
  process.stdout.write(`[demo] ${text}\n`);
}

/** The system daemon when its socket answers, else kvmkit's own, left running under the user's state dir. */
async function reachableLibvirtUri(): Promise<string> {
  if (existsSync(SYSTEM_SOCKET) && (await libvirtdAnswers(SYSTEM_SOCKET))) return 'qemu:///system';
  const stateHome = process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state');
  const daemon = await startLibvirtd({ baseDir: join(stateHome, 'kvmkit', 'libvirtd'), persistent: true });
  return daemon.uri;
}

async function main(): Promise<void> {
  const manifestPath = new URL('../vmi.yaml', import.meta.url);
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as DemoManifest;
  step(`example: ${manifest.kind ?? '?'} ${manifest.metadata?.namespace ?? 'default'}/${manifest.metadata?.name ?? '?'}`);

  const image = await buildGuestImage();
  step(`tiny guest: kernel ${image.kernelVersion}, initrd ${image.initrd}${image.fromCache ? ' (cached)' : ''}`);

  const kvm = await probeKvm();
  step(`virtualization: ${kvm.virtType} (${kvm.reason})`);

  const uri = await reachableLibvirtUri();
  step(`libvirtd reachable at ${uri}`);

  step('converting, defining and booting the VMI through kvmkit arrives with @kvmkit/core, the base plugins and the domain manager; the demo stops here until then');
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
