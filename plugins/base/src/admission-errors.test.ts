// Bad inputs are refused before conversion with the field path, reason and severity.
import { KvmkitError, VmiInvalidError } from '@kvmkit/core';
import { formatDomainXml } from '@kvmkit/domain-xml';
import { withDefaults, type VmiProblem } from '@kvmkit/vmi';
import { describe, expect, it } from 'vitest';
import { disksConfigurator } from './configurators/disks.ts';
import { baseContextOf, testContext, testConverter } from './test-support/test-converter.ts';
import { minimalVmiYaml, vmiFromYaml } from './test-support/vmi-from-yaml.ts';

function problemsOf(yaml: string, options: Record<string, unknown> = {}): VmiProblem[] {
  const vmi = withDefaults(vmiFromYaml(yaml));
  try {
    testConverter(options).convert(vmi, testContext());
  } catch (error) {
    if (error instanceof VmiInvalidError) return error.problems.filter((problem) => problem.severity === 'error');
    throw error;
  }
  return [];
}

const containerDisk = (name: string): string => `    - name: ${name}\n      containerDisk: { image: "example/disk:1" }\n`;

describe('admission errors', () => {
  it('refuses a boot order used twice, naming the second disk', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices:
      disks:
        - { name: a, bootOrder: 1, disk: { bus: virtio } }
        - { name: b, bootOrder: 1, disk: { bus: virtio } }`, containerDisk('a') + containerDisk('b')));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'spec.domain.devices.disks[1].bootOrder', severity: 'error', rule: 'boot-order' }));
  });

  it('refuses a disk without a volume', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices:
      disks:
        - { name: orphan, disk: { bus: virtio } }`));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'spec.domain.devices.disks[0].name', severity: 'error', rule: 'disk-volume-match' }));
  });

  it('refuses EFI secure boot without SMM', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices: {}
    firmware: { bootloader: { efi: {} } }`));
    expect(problems).toEqual([{ path: 'spec.domain.firmware.bootloader.efi.secureBoot', reason: expect.stringContaining('needs SMM') as string, severity: 'error', rule: 'base:os' }]);
  });

  it('accepts EFI secure boot with SMM and EFI without secure boot', () => {
    expect(problemsOf(minimalVmiYaml(`    devices: {}
    features: { smm: { enabled: true } }
    firmware: { bootloader: { efi: { secureBoot: true } } }`))).toEqual([]);
    expect(problemsOf(minimalVmiYaml(`    devices: {}
    firmware: { bootloader: { efi: { secureBoot: false } } }`))).toEqual([]);
  });

  it('refuses a hostDisk path with .. and one outside the allowed directories', () => {
    const volumes = `    - name: a\n      hostDisk: { path: /var/data/../../etc/shadow, type: Disk }\n    - name: b\n      hostDisk: { path: /etc/passwd, type: Disk }\n`;
    const problems = problemsOf(minimalVmiYaml('    devices: {}', volumes));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'spec.volumes[0].hostDisk.path', reason: expect.stringContaining("contains '..'") as string, severity: 'error', rule: 'base:volume-paths' }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'spec.volumes[1].hostDisk.path', reason: expect.stringContaining('hostDiskDirectories') as string, severity: 'error' }));
  });

  it('refuses kernelBoot and containerDisk paths with ..', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices: {}
    firmware: { kernelBoot: { container: { image: "k:1", kernelPath: /boot/../../vmlinuz } } }`, `    - name: a\n      containerDisk: { image: "example/disk:1", path: ../x.qcow2 }\n`));
    expect(problems.map((problem) => problem.path)).toEqual(['spec.domain.firmware.kernelBoot.container.kernelPath', 'spec.volumes[0].containerDisk.path']);
  });

  it('refuses cloud-init userDataBase64 that is not base64, or not text', () => {
    const notBase64 = problemsOf(minimalVmiYaml('    devices: {}', '    - name: ci\n      cloudInitNoCloud: { userDataBase64: "not base64!" }\n'));
    expect(notBase64).toEqual([{ path: 'spec.volumes[0].cloudInitNoCloud.userDataBase64', reason: 'is not valid base64', severity: 'error', rule: 'base:cloud-init' }]);
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0xc3]).toString('base64');
    const notText = problemsOf(minimalVmiYaml('    devices: {}', `    - name: ci\n      cloudInitConfigDrive: { userDataBase64: "${binary}" }\n`));
    expect(notText).toEqual([expect.objectContaining({ path: 'spec.volumes[0].cloudInitConfigDrive.userDataBase64', reason: expect.stringContaining('neither UTF-8 text nor gzip') as string, severity: 'error' })]);
  });

  it('refuses cloud-init with two user data sources', () => {
    const problems = problemsOf(minimalVmiYaml('    devices: {}', `    - name: ci\n      cloudInitNoCloud: { userData: "#cloud-config", userDataBase64: "I2Nsb3VkLWNvbmZpZw==" }\n`));
    expect(problems).toEqual([expect.objectContaining({ path: 'spec.volumes[0].cloudInitNoCloud', reason: 'give only one of userData, userDataBase64', severity: 'error' })]);
  });

  it('refuses a disk serial with XML metacharacters (as KubeVirt does) and escapes it when written anyway', () => {
    const yaml = minimalVmiYaml(`    devices:
      disks:
        - { name: a, serial: "x<y&'z", disk: { bus: virtio } }`, containerDisk('a'));
    expect(problemsOf(yaml)).toContainEqual(expect.objectContaining({ path: 'spec.domain.devices.disks[0].serial', severity: 'error' }));
    // Below admission, the writer escapes: the value cannot break out of <serial>.
    const converter = testConverter();
    const vmi = withDefaults(vmiFromYaml(yaml));
    const domain = { type: 'qemu', name: 'x' };
    disksConfigurator.configure(vmi, domain, baseContextOf(converter, vmi));
    expect(formatDomainXml(domain)).toContain("<serial>x&lt;y&amp;'z</serial>");
  });

  it('refuses io native with a caching mode, and block sizes that are not powers of two', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices:
      disks:
        - { name: a, io: native, cache: writeback, blockSize: { custom: { logical: 1000, physical: 4096 } }, disk: { bus: virtio } }`, containerDisk('a')));
    expect(problems.map((problem) => [problem.path, problem.rule])).toEqual([
      ['spec.domain.devices.disks[0].io', 'base:disks'],
      ['spec.domain.devices.disks[0].blockSize.custom.logical', 'base:disks'],
    ]);
  });

  it('refuses a LUN that is not on the SCSI bus', () => {
    const problems = problemsOf(minimalVmiYaml(`    devices:
      disks:
        - { name: a, lun: { bus: sata } }`, '    - name: a\n      persistentVolumeClaim: { claimName: c }\n'), { claims: { c: '/dev/sdz' } });
    expect(problems).toEqual([expect.objectContaining({ path: 'spec.domain.devices.disks[0].lun.bus', severity: 'error', rule: 'base:disks' })]);
  });

  it('refuses claims and secrets the plugin options do not know', () => {
    const problems = problemsOf(minimalVmiYaml('    devices: {}', `    - name: a\n      persistentVolumeClaim: { claimName: nope }\n    - name: b\n      cloudInitNoCloud: { secretRef: { name: hidden } }\n`));
    expect(problems.map((problem) => [problem.path, problem.rule])).toEqual([
      ['spec.volumes[0].persistentVolumeClaim.claimName', 'base:volume-paths'],
      ['spec.volumes[1].cloudInitNoCloud.secretRef.name', 'base:volume-paths'],
    ]);
  });

  it('reports an unresolvable container image with the field path', () => {
    const vmi = withDefaults(vmiFromYaml(minimalVmiYaml('    devices: {}', containerDisk('a'))));
    const converter = testConverter({ imageDirectory: undefined });
    let caught: unknown;
    try { converter.convert(vmi, testContext()); } catch (error) { caught = error; }
    expect(KvmkitError.isInstance(caught) && caught.message).toMatch(/containerDisk\.image: no image resolver knows 'example\/disk:1'/);
  });
});
