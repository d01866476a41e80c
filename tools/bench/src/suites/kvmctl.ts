// Wall time of `kvmctl convert` (a KubeVirt example VMI to domain XML, offline: Node start-up,
// plugin loading, conversion) against `virt-install --print-xml` for a comparable VM (Python
// start-up, osinfo lookup, XML generation against libvirt's test driver), run after run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchmarkSuite, Comparison } from '../benchmark-suite.ts';

const RUNS = 10;
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const example = path.resolve(repositoryRoot, '..', 'shared', 'data', 'kubevirt-examples', 'vmi-fedora.yaml');
const FEDORA_IMAGE = 'registry:5000/kubevirt/fedora-with-test-tooling-container-disk:devel';
// The same VM as far as virt-install can say it: 1 vCPU, 1 GiB, no disk image, boot from disk.
const VIRT_INSTALL_ARGS = ['--print-xml', '--connect', 'test:///default', '--name', 'vmi-fedora', '--memory', '1024', '--vcpus', '1', '--disk', 'none', '--boot', 'hd', '--osinfo', 'detect=on,require=off'];

function kvmctlBinary(): string {
  const manifest = createRequire(import.meta.url).resolve('@kvmkit/kvmctl/package.json');
  return path.join(path.dirname(manifest), 'dist', 'main.js');
}

function hasVirtInstall(): boolean {
  try {
    execFileSync('virt-install', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs per second over RUNS sequential runs, after one warm-up run (disk cache, bytecode cache). */
function runsPerSecond(command: string, args: readonly string[]): number {
  const run = (): void => { execFileSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'] }); };
  run();
  const start = performance.now();
  for (let index = 0; index < RUNS; index += 1) run();
  return RUNS / ((performance.now() - start) / 1000);
}

export const suite: BenchmarkSuite = {
  name: 'kvmctl',
  run(): Promise<Comparison[]> {
    const binary = kvmctlBinary();
    const missing = [!existsSync(example) && example, !existsSync(binary) && `${binary} (build @kvmkit/kvmctl)`, !hasVirtInstall() && 'virt-install (apt-get install virtinst)'].filter((entry) => entry !== false);
    if (missing.length > 0) {
      process.stderr.write(`kvmctl: skipped, missing ${missing.join(', ')}\n`);
      return Promise.resolve([]);
    }
    const scratch = mkdtempSync(path.join(tmpdir(), 'bench-kvmctl-'));
    try {
      // The container disk resolves to a local directory; the pod network binds to QEMU's user NAT.
      const options = path.join(scratch, 'options.yaml');
      writeFileSync(options, `base:\n  images:\n    ${FEDORA_IMAGE}: ${scratch}\nnetwork-binding:\n  masquerade:\n    mode: user\n`);
      const kvmctlArgs = [binary, 'convert', example, '--virt-type', 'qemu', '--options', options];
      const peer = runsPerSecond('virt-install', VIRT_INSTALL_ARGS);
      const kvmkit = runsPerSecond(process.execPath, kvmctlArgs);
      return Promise.resolve([
        {
          metric: `one-shot conversion to domain XML, ${String(RUNS)} sequential runs (kvmctl convert vmi-fedora.yaml)`,
          unit: 'runs/s',
          kvmkit,
          peer,
          peerName: 'virt-install --print-xml (test:///default)',
        },
      ]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
