// README command 1: boot the demo VMI through kvmkit and show what its guest agent reports.
// kvmctl picks the libvirtd: the system one when it answers, else kvmkit's own (started once,
// left running under ~/.local/state/kvmkit/libvirtd). Each step prints what happened.
import 'reflect-metadata';
import { buildGuestImage } from '@kvmkit/guest-image';
import { probeKvm } from '@kvmkit/host-probe';
import { runKvmctl } from '@kvmkit/kvmctl';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const vmiFile = fileURLToPath(new URL('../vmi.yaml', import.meta.url));
const stateDirectory = join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'kvmkit');
const output = {
  out: (line: string) => { process.stdout.write(`${line}\n`); },
  err: (line: string) => { process.stderr.write(`${line}\n`); },
};

function step(text: string): void {
  process.stdout.write(`[demo] ${text}\n`);
}

async function kvmctl(...argv: string[]): Promise<void> {
  step(`kvmctl ${argv.join(' ')}`);
  const code = await runKvmctl(argv, output);
  if (code !== 0) throw new Error(`kvmctl ${argv[0] ?? ''} exited with ${String(code)}`);
}

async function main(): Promise<void> {
  const image = await buildGuestImage();
  step(`tiny guest: kernel ${image.kernelVersion}, ${image.directory}${image.fromCache ? ' (cached)' : ''}`);
  const kvm = await probeKvm({ cacheFile: join(stateDirectory, 'kvm-probe.json') });
  step(`virtualization: ${kvm.virtType} (${kvm.reason})`);

  // The demo VMI names the container image kvmkit/tiny-guest:latest; map it to the built guest.
  mkdirSync(stateDirectory, { recursive: true });
  const optionsFile = join(stateDirectory, 'demo-options.yaml');
  // The default pod network binds with masquerade; QEMU's user-mode NAT needs no dnsmasq on the host.
  writeFileSync(optionsFile, `base:\n  images:\n    kvmkit/tiny-guest:latest: ${image.directory}\nnetwork-binding:\n  masquerade:\n    mode: user\n`);

  await kvmctl('--options', optionsFile, 'run', vmiFile, '--wait-agent');
  await kvmctl('--options', optionsFile, 'get', 'demo');
  await kvmctl('--options', optionsFile, 'guest', 'demo');
  step('the demo VM keeps running; stop it with: node apps/kvmctl/dist/main.js delete demo');
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
