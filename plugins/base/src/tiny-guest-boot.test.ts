// The tiny guest boots from a VMI with kernelBoot and reads its cloud-init NoCloud ISO. The guest
// image has no isofs module, so the host's isofs.ko (same kernel) is handed in on a raw hostDisk
// and loaded from the serial shell; the shell is reached through the serial console's unix socket.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type GuestImage, type PrivateLibvirtd } from '@kvmkit/testing';
import { loadManifests, withDefaults, type VirtualMachineInstance } from '@kvmkit/vmi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePlugin } from './plugin.ts';
import { statePaths } from './paths/state-paths.ts';
import { prepareBase } from './prepare.ts';
import { LocalHostOperations } from './test-support/local-host-operations.ts';
import { SerialShell } from './test-support/serial-shell.ts';
import { baseContextOf, testContext, testConverter } from './test-support/test-converter.ts';

const DEFINE_VALIDATE = 1;

function isofsModule(kernelVersion: string): string {
  return `/lib/modules/${kernelVersion}/kernel/fs/isofs/isofs.ko`;
}

function guestVmi(cmdline: string): VirtualMachineInstance {
  const yaml = `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: tiny, namespace: lab, uid: 0b5c1d2e-aaaa-4bbb-8ccc-123456789abc }
spec:
  domain:
    memory: { guest: 256Mi }
    devices:
      autoattachGraphicsDevice: false
      disks:
        - name: isofs
          serial: ISOFS-MODULE
          disk: { bus: virtio }
        - name: cloudinit
          cdrom: { bus: sata }
    firmware:
      kernelBoot:
        kernelArgs: "${cmdline}"
        container: { image: "kvmkit/tiny-guest:1", kernelPath: /vmlinuz, initrdPath: /initrd.img }
  volumes:
    - name: isofs
      hostDisk: { path: HOSTDISK, type: Disk }
    - name: cloudinit
      cloudInitNoCloud:
        userData: |
          #cloud-config
          hostname: tiny-from-cloud-init
`;
  const loaded = loadManifests(yaml);
  const vmi = loaded.vmis[0]?.vmi;
  if (vmi === undefined) throw new Error(loaded.errors.map((error) => error.message).join('; '));
  return vmi;
}

describe('tiny guest boot', () => {
  let image: GuestImage;
  let libvirtd: PrivateLibvirtd;
  let libvirt: LibvirtConnection;
  let virtType: 'kvm' | 'qemu';
  // Short: the serial socket path must fit a unix socket address.
  const base = mkdtempSync('/tmp/kb-');

  beforeAll(async () => {
    [image, { virtType }, libvirtd] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
    libvirt = await connect(libvirtd.uri);
  }, 180_000);

  afterAll(async () => {
    await libvirt.close();
    await libvirtd.stop();
    rmSync(base, { recursive: true, force: true });
  }, 60_000);

  it('boots with kernelBoot and the guest reads user-data and meta-data from the NoCloud ISO', async () => {
    const kernelVersion = JSON.parse(readFileSync(join(image.directory, 'guest-image.json'), 'utf8')) as { kernelVersion: string };
    // The guest image's cache directory already has the layout of an unpacked kernel image.
    const imageDirectory = image.directory;
    const hostDisks = join(base, 'hostdisks');
    mkdirSync(hostDisks);
    const module = readFileSync(isofsModule(kernelVersion.kernelVersion));
    const moduleDisk = join(hostDisks, 'isofs.img');
    writeFileSync(moduleDisk, Buffer.concat([module, Buffer.alloc(512 - (module.length % 512))]));

    const vmi = withDefaults(JSON.parse(JSON.stringify(guestVmi(image.cmdline)).replace('HOSTDISK', moduleDisk)) as VirtualMachineInstance);
    const options = { images: { 'kvmkit/tiny-guest:1': imageDirectory }, hostDiskDirectories: [hostDisks] };
    const directories = { state: join(base, 's'), volumes: join(base, 'v') };
    const context = testContext({ virtType, directories });
    const converter = testConverter(options);
    const { xml } = converter.convert(vmi, context);

    const host = new LocalHostOperations([directories.state, directories.volumes]);
    const prepareContext = baseContextOf(converter, vmi, context);
    // What the domain manager does before define: the plugin's prepare, then each volume source's.
    await prepareBase(vmi, host, prepareContext);
    for (const volume of vmi.spec.volumes ?? []) {
      const source = basePlugin.volumeSources?.find((candidate) => candidate.kind in volume);
      await source?.prepare?.(volume, source.resolve(volume, prepareContext), host, prepareContext);
    }
    expect(statSync(statePaths.cloudInitIso(directories, 'cloudinit', 'noCloud')).size % 2048).toBe(0);

    const domain = await libvirt.domainDefineXmlFlags(xml, DEFINE_VALIDATE);
    await libvirt.domainCreate(domain);
    const shell = { current: undefined as SerialShell | undefined };
    try {
      await waitForFileLine(statePaths.serialLog(directories, 0), image.readyLine, 150_000);
      shell.current = await SerialShell.open(statePaths.serialSocket(directories, 0));
      const loaded = await shell.current.run(`head -c ${String(module.length)} /dev/vda > /tmp/isofs.ko && insmod /tmp/isofs.ko && mkdir -p /mnt && mount -t iso9660 -o ro /dev/sr0 /mnt && echo MOUNTED`, 60_000);
      expect(loaded).toContain('MOUNTED');
      const listing = await shell.current.run('ls /mnt', 30_000);
      expect(listing).toContain('meta-data');
      expect(listing).toContain('user-data');
      const metaData = await shell.current.run('cat /mnt/meta-data', 30_000);
      expect(metaData).toContain('instance-id: tiny.lab');
      expect(metaData).toContain('local-hostname: tiny');
      const userData = await shell.current.run('cat /mnt/user-data', 30_000);
      expect(userData).toContain('hostname: tiny-from-cloud-init');
      const label = await shell.current.run('grep /mnt /proc/mounts', 30_000);
      expect(label).toContain('iso9660');
      // The other configurators, seen from inside: disk serial, memory size, guest agent channel.
      expect(await shell.current.run('cat /sys/block/vda/serial', 30_000)).toContain('ISOFS-MODULE');
      const memTotalKiB = Number(/MemTotal:\s+(\d+)/.exec(await shell.current.run('grep MemTotal /proc/meminfo', 30_000))?.[1]);
      expect(memTotalKiB).toBeGreaterThan(200 * 1024);
      expect(memTotalKiB).toBeLessThanOrEqual(256 * 1024);
      expect(await libvirt.qemuDomainAgentCommand(domain, JSON.stringify({ execute: 'guest-ping' }), 30)).toBe('{"return":{}}');
    } finally {
      shell.current?.close();
      await libvirt.domainDestroy(domain);
      await libvirt.domainUndefineFlags(domain, 0);
    }
  }, 240_000);
});
