import 'reflect-metadata';
import { validateDomainXml } from '@kvmkit/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runKvmctl } from './cli.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const labPlugin = fixture('lab-plugin.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'kvmctl-cli-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

async function kvmctl(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKvmctl(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('kvmctl', () => {
  it('converts a VMI with the plugins named on the command line', async () => {
    const vmi = join(scratch, 'alpha.yaml');
    writeFileSync(vmi, 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: alpha, labels: {team: x}}\nspec: {domain: {devices: {}, memory: {guest: 128Mi}}}\n');
    const result = await kvmctl('convert', vmi, '--plugins', labPlugin, '--virt-type', 'qemu');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("<domain type='qemu'>");
    expect(result.stdout).toContain('<description>lab VM alpha</description>');
    expect(await validateDomainXml(result.stdout)).toEqual({ valid: true, errors: '' });
  });

  it('prints the typed model with -o json', async () => {
    const result = await kvmctl('convert', fixture('two-vmis.yaml'), '--plugins', labPlugin, '-o', 'json');
    expect(result.code).toBe(1); // beta has a disk without a volume
    const alpha = (JSON.parse(result.stdout) as { name: string; description: string }[])[0];
    expect(alpha).toMatchObject({ name: 'alpha', description: 'lab VM alpha' });
    expect(result.stderr).toMatch(/two-vmis\.yaml:\d+: error spec\.domain\.devices\.disks\[0\]/);
  });

  it('validates every VMI, printing file:line, path and reason, and exits 1 on errors', async () => {
    const result = await kvmctl('validate', fixture('two-vmis.yaml'), '--plugins', labPlugin);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.some((line) => /two-vmis\.yaml:\d+: error spec\.domain\.devices\.disks\[0\]\.name: /.test(line) || /error spec\.domain\.devices\.disks\[0\]/.test(line))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/two-vmis\.yaml:\d+: warning metadata\.labels\.team: every lab VM names its team \(lab:description\)/));
    expect(result.stderr).toMatch(/2 VMI\(s\): [1-9]\d* error\(s\)/);
  });

  it('lists plugins and configurators in run order', async () => {
    const result = await kvmctl('plugins', '--plugins', labPlugin);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('lab\t1.0.0\t>=0.1.0');
    expect(result.stdout).toMatch(/1\tlab:skeleton\tpre\tlab\n2\tlab:description\tnormal\tlab/);
  });

  it('reports bad input as one clear line with a non-zero exit', async () => {
    const missingFile = await kvmctl('convert', join(scratch, 'nope.yaml'), '--plugins', labPlugin);
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toMatch(/^kvmctl: ENOENT/);
    const missingPlugin = await kvmctl('plugins', '--plugins', 'no-such-plugin-package');
    expect(missingPlugin.stderr).toMatch(/^kvmctl: cannot load plugin 'no-such-plugin-package' from no-such-plugin-package: /);
    const badVirtType = await kvmctl('convert', 'x.yaml', '--virt-type', 'xen');
    expect(badVirtType.code).toBe(2);
    expect(badVirtType.stderr).toContain("argument 'xen' is invalid");
    const badOptions = join(scratch, 'options.yaml');
    writeFileSync(badOptions, 'nobody: {}\n');
    const unknownPluginOptions = await kvmctl('plugins', '--plugins', labPlugin, '--options', badOptions);
    expect(unknownPluginOptions.stderr).toBe("kvmctl: options were given for plugin 'nobody', which is not loaded (loaded: " + labPlugin + ')');
  });

  it('prints help with examples for every command', async () => {
    for (const command of ['convert', 'validate', 'plugins', 'describe', 'console', 'screenshot', 'vcpus', 'memory', 'events', 'completion']) {
      const result = await kvmctl(command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
    }
  });

  it('rejects bad vCPU counts, memory sizes and shells as usage errors before connecting', async () => {
    const zeroVcpus = await kvmctl('vcpus', 'demo', '0');
    expect(zeroVcpus.code).toBe(2);
    expect(zeroVcpus.stderr).toContain("value '0' is invalid for argument 'count'. must be a positive whole number.");
    const badSize = await kvmctl('memory', 'demo', 'lots');
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toContain("value 'lots' is invalid for argument 'size'. is not a Kubernetes quantity");
    const badShell = await kvmctl('completion', 'fish');
    expect(badShell.code).toBe(2);
    expect(badShell.stderr).toContain("value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh.");
  });

  it('prints a bash completion script that bash parses, registers and answers from the program definition', async () => {
    const result = await kvmctl('completion', 'bash');
    expect(result.code).toBe(0);
    const script = join(scratch, 'kvmctl.bash');
    writeFileSync(script, `${result.stdout}\n`);
    execFileSync('bash', ['-n', script]);
    const probe = [
      `source '${script}'`,
      'complete -p kvmctl',
      'COMP_WORDS=(kvmctl de); COMP_CWORD=1; _kvmctl_completion; echo "commands: ${COMPREPLY[*]}"',
      'COMP_WORDS=(kvmctl console demo --); COMP_CWORD=3; _kvmctl_completion; echo "console: ${COMPREPLY[*]}"',
      'COMP_WORDS=(kvmctl --virt-type ""); COMP_CWORD=2; _kvmctl_completion; echo "virt-type: ${COMPREPLY[*]}"',
    ].join('\n');
    const answers = execFileSync('bash', ['-c', probe], { encoding: 'utf8' }).split('\n');
    expect(answers).toContain('complete -o default -F _kvmctl_completion kvmctl');
    expect(answers).toContain('commands: delete describe');
    expect(answers).toContain('console: --device --force --help');
    expect(answers).toContain('virt-type: kvm qemu');
  });

  it('prints a zsh completion script with every command and its options', async () => {
    const result = await kvmctl('completion', 'zsh');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('#compdef kvmctl');
    expect(result.stdout).toContain("'screenshot:save a screenshot of the VMI'\\''s first screen'");
    expect(result.stdout).toMatch(/ {8}screenshot\) _arguments '\(-o --output\)'\{-o,--output\}'\[file to write\]:value:_files'/);
    expect(result.stdout).toContain("'--virt-type[libvirt domain type to convert for]:value:(kvm qemu)'");
    // zsh itself parses it and, once sourced after compinit, knows the completer for kvmctl.
    const script = join(scratch, '_kvmctl.zsh');
    writeFileSync(script, result.stdout);
    execFileSync('zsh', ['-n', script]);
    const registered = execFileSync('zsh', ['-c', `autoload -U compinit && compinit -u -D; source ${script}; print -r -- \${_comps[kvmctl]}`], { encoding: 'utf8' });
    expect(registered.trim()).toBe('_kvmctl');
  });
});
