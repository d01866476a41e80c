// What prepare does on the host, recorded (RecordingHostOperations) or, for checks of user
// images, on real files made with qemu-img.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RecordingHostOperations } from '@kvmkit/core/testing';
import { withDefaults } from '@kvmkit/vmi';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareBase } from './prepare.ts';
import { statePaths } from './paths/state-paths.ts';
import { baseContextOf, testContext, testConverter } from './test-support/test-converter.ts';
import { minimalVmiYaml, vmiFromYaml } from './test-support/vmi-from-yaml.ts';
import { cloudInitIsoImage } from './volumes/cloud-init-iso.ts';
import { containerDiskSource } from './volumes/container-disk.ts';
import { emptyDiskSource } from './volumes/empty-disk.ts';
import { hostDiskSource } from './volumes/host-disk.ts';
import { ephemeralSource } from './volumes/ephemeral.ts';
import type { BaseVolumeSource } from './volumes/base-volume-source.ts';

const execFileAsync = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'kvmkit-prepare-'));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

const directories = { state: join(work, 'state'), volumes: join(work, 'volumes') };
const context = testContext({ directories });

async function prepareVolume(source: BaseVolumeSource, volumesYaml: string, host: RecordingHostOperations, options: Record<string, unknown> = {}): Promise<void> {
  const vmi = vmiFromYaml(minimalVmiYaml('    devices: {}', volumesYaml));
  const volume = vmi.spec.volumes?.[0];
  if (volume === undefined) throw new Error('no volume');
  const baseContext = baseContextOf(testConverter(options), vmi, context);
  await source.prepare?.(volume, source.resolve(volume, baseContext), host, baseContext);
}

describe('prepareBase', () => {
  it('makes the directories, writes cloud-init ISOs and the Ignition file, and resets non-persistent EFI variables', async () => {
    const vmi = withDefaults(vmiFromYaml(`apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: vm, namespace: lab, annotations: { kubevirt.io/ignitiondata: '{"ignition":{}}' } }
spec:
  domain:
    memory: { guest: 128Mi }
    firmware: { bootloader: { efi: { secureBoot: false } } }
    devices: {}
  volumes:
    - name: ci
      cloudInitNoCloud: { userData: "#cloud-config\\n", networkData: "version: 2\\n" }
`));
    const host = new RecordingHostOperations();
    const baseContext = baseContextOf(testConverter(), vmi, context);
    await prepareBase(vmi, host, baseContext);
    const iso = statePaths.cloudInitIso(directories, 'ci', 'noCloud');
    expect(host.calls.map((call) => [call.operation, 'path' in call ? call.path : ''])).toEqual([
      ['makeDirectory', directories.state],
      ['makeDirectory', directories.volumes],
      ['writeFile', iso],
      ['writeFile', statePaths.ignition(directories)],
      ['removeFile', statePaths.efiVars(directories)],
    ]);
    const source = vmi.spec.volumes?.[0]?.cloudInitNoCloud;
    expect(host.files.get(iso)).toEqual(await cloudInitIsoImage(vmi, 'cloudInitNoCloud', source ?? {}, 'ci', baseContext.options));
    expect(host.files.get(statePaths.ignition(directories))).toBe('{"ignition":{}}');
  });

  it('reads cloud-init secretRefs from the secretDirectories option, and names a missing one', async () => {
    const secrets = join(work, 'secrets', 'my-secret');
    mkdirSync(secrets, { recursive: true });
    writeFileSync(join(secrets, 'userdata'), '#cloud-config\nfrom: secret\n');
    const vmi = vmiFromYaml(minimalVmiYaml('    devices: {}', '    - name: ci\n      cloudInitNoCloud: { secretRef: { name: my-secret } }\n'));
    const source = vmi.spec.volumes?.[0]?.cloudInitNoCloud ?? {};
    const options = baseContextOf(testConverter({ secretDirectories: { 'my-secret': secrets } }), vmi).options;
    const image = Buffer.from(await cloudInitIsoImage(vmi, 'cloudInitNoCloud', source, 'spec.volumes[0].cloudInitNoCloud', options));
    expect(image.includes('from: secret')).toBe(true);
    const without = baseContextOf(testConverter(), vmi).options;
    await expect(cloudInitIsoImage(vmi, 'cloudInitNoCloud', source, 'spec.volumes[0].cloudInitNoCloud', without)).rejects.toThrow("spec.volumes[0].cloudInitNoCloud.secretRef: secret 'my-secret' is not in the base plugin option secretDirectories");
  });
});

describe('volume sources prepare', () => {
  it('emptyDisk creates a sized qcow2 once', async () => {
    const host = new RecordingHostOperations();
    await prepareVolume(emptyDiskSource, '    - name: scratch\n      emptyDisk: { capacity: 1Gi }\n', host);
    await prepareVolume(emptyDiskSource, '    - name: scratch\n      emptyDisk: { capacity: 1Gi }\n', host);
    expect(host.calls.filter((call) => call.operation === 'createDiskImage')).toEqual([
      { operation: 'createDiskImage', request: { path: join(directories.volumes, 'scratch.qcow2'), format: 'qcow2', sizeBytes: 1073741824n } },
    ]);
  });

  it('hostDisk creates a raw image for DiskOrCreate and refuses a missing Disk', async () => {
    const options = { hostDiskDirectories: [join(work, 'host')] };
    const host = new RecordingHostOperations();
    await prepareVolume(hostDiskSource, `    - name: h\n      hostDisk: { path: ${join(work, 'host', 'h.img')}, type: DiskOrCreate, capacity: 10Mi }\n`, host, options);
    expect(host.calls.at(-1)).toEqual({ operation: 'createDiskImage', request: { path: join(work, 'host', 'h.img'), format: 'raw', sizeBytes: 10485760n } });
    await expect(prepareVolume(hostDiskSource, `    - name: h\n      hostDisk: { path: ${join(work, 'host', 'missing.img')}, type: Disk }\n`, new RecordingHostOperations(), options)).rejects.toThrow(/does not exist \(type Disk does not create it\)/);
  });

  it('containerDisk makes a fresh overlay on the image, and refuses backing files and symlink escapes', async () => {
    const images = join(work, 'images');
    const good = join(images, 'good', '1', 'disk');
    const bad = join(images, 'bad', '1', 'disk');
    const escape = join(images, 'escape', '1', 'disk');
    for (const folder of [good, bad, escape]) mkdirSync(folder, { recursive: true });
    await execFileAsync('qemu-img', ['create', '-q', '-f', 'qcow2', join(good, 'disk.qcow2'), '1M']);
    await execFileAsync('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', join(good, 'disk.qcow2'), '-F', 'qcow2', join(bad, 'disk.qcow2')]);
    symlinkSync(join(good, 'disk.qcow2'), join(escape, 'disk.qcow2'));
    const options = { imageDirectory: images };
    const host = new RecordingHostOperations();
    await prepareVolume(containerDiskSource, '    - name: root\n      containerDisk: { image: "good:1" }\n', host, options);
    const overlay = join(directories.volumes, 'root.qcow2');
    expect(host.calls).toEqual([
      { operation: 'removeFile', path: overlay },
      { operation: 'createDiskImage', request: { path: overlay, format: 'qcow2', backingFile: { path: join(good, 'disk.qcow2'), format: 'qcow2' } } },
    ]);
    await expect(prepareVolume(containerDiskSource, '    - name: root\n      containerDisk: { image: "bad:1" }\n', new RecordingHostOperations(), options)).rejects.toThrow(/is a qcow2 image with a backing file/);
    await expect(prepareVolume(containerDiskSource, '    - name: root\n      containerDisk: { image: "escape:1" }\n', new RecordingHostOperations(), options)).rejects.toThrow(/resolves to .*good\/1\/disk\/disk\.qcow2, outside/);
    await expect(prepareVolume(containerDiskSource, '    - name: root\n      containerDisk: { image: "absent:1" }\n', new RecordingHostOperations(), options)).rejects.toThrow(/ENOENT|does not exist/);
  });

  it('ephemeral puts an overlay on the claim image', async () => {
    const claim = join(work, 'claim.img');
    writeFileSync(claim, new Uint8Array(1024));
    const host = new RecordingHostOperations();
    await prepareVolume(ephemeralSource, '    - name: eph\n      ephemeral: { persistentVolumeClaim: { claimName: c } }\n', host, { claims: { c: claim } });
    expect(host.calls.at(-1)).toEqual({ operation: 'createDiskImage', request: { path: join(directories.volumes, 'eph.qcow2'), format: 'qcow2', backingFile: { path: claim, format: 'raw' } } });
  });
});
