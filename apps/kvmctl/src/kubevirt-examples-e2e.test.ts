// Every KubeVirt example through the built kvmctl, as a user runs it: validate and convert work
// offline and every domain they produce passes libvirt's schema. The options a cluster would
// supply (images, claims, a CPU set to pin to, an SR-IOV pool) come from an options file.
import { validateDomainXml } from '@kvmkit/testing';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const kvmctlBinary = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const examplesDirectory = fileURLToPath(new URL('../../../../shared/data/kubevirt-examples', import.meta.url));
const examples = existsSync(examplesDirectory) ? readdirSync(examplesDirectory).filter((file) => file.endsWith('.yaml')).sort() : [];
const scratch = mkdtempSync(join(tmpdir(), 'kvmctl-examples-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

/** Every claim and DataVolume the examples name, mapped to a disk image path. */
function claimOptions(): string {
  const names = new Set<string>();
  for (const file of examples) {
    const text = readFileSync(join(examplesDirectory, file), 'utf8');
    for (const match of text.matchAll(/(?:claimName|dataVolume:\s*\n\s*name):\s*(\S+)/g)) if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names].map((name) => `    ${name}: /var/lib/kvmkit-test/claims/${name}.img`).join('\n');
}

const optionsFile = join(scratch, 'options.yaml');
writeFileSync(optionsFile, [
  'base:',
  '  imageDirectory: /var/lib/kvmkit-test/images',
  '  hostDiskDirectories: [/var/data]',
  '  claims:',
  claimOptions() || '    {}',
  'cpu-topology:',
  '  dedicatedCpuSet: 0-7',
  'network-binding:',
  '  hostNetworks:',
  '    sriov/sriov-network:',
  "      sriovFunctions: ['0000:3b:02.0', '0000:3b:02.1']",
  '',
].join('\n'));

async function kvmctl(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [kvmctlBinary, '--options', optionsFile, '--virt-type', 'qemu', ...argv], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.skipIf(examples.length === 0)(`KubeVirt's examples through kvmctl (${examplesDirectory})`, () => {
  it.each(examples)('%s validates and converts to schema-valid domains', async (file) => {
    const path = join(examplesDirectory, file);
    const validation = await kvmctl('validate', path);
    expect(validation.stdout.split('\n').filter((line) => line.includes(': error '))).toEqual([]);
    expect(validation.code).toBe(0);

    const conversion = await kvmctl('convert', path);
    expect(conversion.stderr.split('\n').filter((line) => line.includes(': error ') || line.startsWith('kvmctl:'))).toEqual([]);
    expect(conversion.code).toBe(0);
    const documents = conversion.stdout.split(/(?<=<\/domain>)\n?/).filter((document) => document.trim() !== '');
    const expectedVmis = Number(/(\d+) VMI\(s\)/.exec(validation.stderr)?.[1] ?? '-1');
    expect(documents).toHaveLength(expectedVmis);
    for (const document of documents) expect(await validateDomainXml(document)).toEqual({ valid: true, errors: '' });
  }, 60_000);
});
