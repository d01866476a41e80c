// Console and channel streams carrying data both ways, stream abort and reopen, and the
// device-removed event of a live SCSI unplug, against the tiny QEMU guest on a private libvirtd.
// One guest for the whole file: it takes ~10-15 s to boot under TCG.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { buildGuestImage, startLibvirtd, virtTypeForTests, waitForFileLine, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceModify } from '../api/domain-devices.ts';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import type { Domain } from '../protocol/remote-types.ts';
import { guestShell, startGuestCommand, waitForGuestAgent, waitForGuestCommand } from '../test-support/guest-exec.ts';
import { StreamTranscript } from '../test-support/stream-transcript.ts';
import { tinyGuestDomainXml } from './test-domain-xml.ts';

const NAME = 'kvmkit-rpc-streams';
/** libvirt's alias of the pty serial port the guest calls ttyS1 (ttyS0 is the log file with a shell on it). */
const CONSOLE = 'serial1';
const CONSOLE_TTY = '/dev/ttyS1';
const CHANNEL = 'org.kvmkit.test.0';
const CHANNEL_PORT = `/dev/virtio-ports/${CHANNEL}`;
const VIR_DOMAIN_CONSOLE_FORCE = 1;
const MiB = 1024 * 1024;
let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;
let guest: Domain;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function write(stream: Writable, text: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => { stream.write(text, (error) => { if (error) reject(error); else resolve(); }); });
}

/**
 * Starts a guest command that holds `device` open on fd 3 (so nothing sent from now on is lost),
 * runs `setup` (e.g. raw mode), marks itself ready and runs `read`; resolves with its PID once ready.
 */
async function startReader(device: string, { setup = ':', read = 'head -n1 <&3' }: { setup?: string; read?: string } = {}): Promise<number> {
  const ready = `/run/reader-ready-${Date.now()}`;
  const pid = await startGuestCommand(connection, guest, `exec 3<>${device}; ${setup}; touch ${ready}; ${read}`);
  await expect.poll(async () => (await guestShell(connection, guest, `test -e ${ready} && echo yes || echo no`)).trim(), { timeout: 20_000 }).toBe('yes');
  return pid;
}

beforeAll(async () => {
  const [image, probe, started] = await Promise.all([buildGuestImage(), virtTypeForTests(), startLibvirtd()]);
  daemon = started;
  connection = await connect(daemon.uri);
  const consoleLog = join(daemon.layout.baseDir, 'console.log');
  const xml = tinyGuestDomainXml({ name: NAME, virtType: probe.virtType, image, consoleLog, ptySerialPorts: 1, channels: [CHANNEL], scsiController: true });
  guest = await connection.domainCreateWithFlags(await connection.domainDefineXml(xml), 0);
  await waitForFileLine(consoleLog, image.readyLine, 150_000);
  await waitForGuestAgent(connection, guest);
}, 240_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

describe('streams and device events on QEMU with the tiny guest', () => {
  it('carries console data guest → host and host → guest over a pty serial port', async () => {
    const serialConsole = await connection.domainOpenConsole(guest, CONSOLE);
    const transcript = new StreamTranscript(serialConsole);
    await guestShell(connection, guest, `echo MARK-123 > ${CONSOLE_TTY}`);
    expect(await transcript.waitFor('MARK-123', 20_000)).toContain('MARK-123');

    // Raw mode and no echo: the line reaches the reader byte for byte and nothing comes back.
    const reader = await startReader(CONSOLE_TTY, { setup: 'stty raw -echo <&3' });
    await write(serialConsole, 'HOST-TO-GUEST-456\n');
    const result = await waitForGuestCommand(connection, guest, reader);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'HOST-TO-GUEST-456\n' });
    expect(transcript.received).not.toContain('HOST-TO-GUEST');
    serialConsole.abort();
  }, 90_000);

  it('carries channel data guest → host and host → guest over a virtio-serial port, and finishes it', async () => {
    const channel = await connection.domainOpenChannel(guest, CHANNEL);
    const transcript = new StreamTranscript(channel);
    await guestShell(connection, guest, `echo CHANNEL-MARK-789 > ${CHANNEL_PORT}`);
    expect(await transcript.waitFor('CHANNEL-MARK-789\n', 20_000)).toBe('CHANNEL-MARK-789\n');

    const reader = await startReader(CHANNEL_PORT);
    await write(channel, 'HOST-TO-CHANNEL-012\n');
    const result = await waitForGuestCommand(connection, guest, reader);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'HOST-TO-CHANNEL-012\n' });

    // libvirt's finish handshake: our empty OK, the daemon's OK, then 'finish' and 'close'.
    const closed = once(channel, 'close');
    channel.end();
    await once(channel, 'finish');
    await closed;
    expect(channel.destroyed).toBe(true);
  }, 90_000);

  it('moves 1 MiB each way through the channel intact, across several stream packets', async () => {
    const channel = await connection.domainOpenChannel(guest, CHANNEL);
    const received: Buffer[] = [];
    let receivedBytes = 0;
    const packets: number[] = [];
    channel.on('data', (chunk: Buffer) => { received.push(chunk); receivedBytes += chunk.length; packets.push(chunk.length); });
    const sent = (await guestShell(connection, guest, `head -c ${MiB} /dev/urandom > /run/blob && sha256sum /run/blob && cat /run/blob > ${CHANNEL_PORT}`)).split(' ')[0];
    await expect.poll(() => receivedBytes, { timeout: 60_000 }).toBe(MiB);
    expect(sha256(Buffer.concat(received))).toBe(sent);
    expect(packets.length).toBeGreaterThan(1);

    // More than one protocol packet (262 120 bytes at most) and more than the stream's write buffer.
    const blob = randomBytes(MiB);
    const reader = await startReader(CHANNEL_PORT, { read: `head -c ${MiB} <&3 | sha256sum` });
    await write(channel, blob);
    const result = await waitForGuestCommand(connection, guest, reader, 60_000);
    expect(result.stdout.split(' ')[0]).toBe(sha256(blob));
    const closed = once(channel, 'close');
    channel.end();
    await closed;
  }, 120_000);

  it('aborts a console stream: it closes once libvirt let go, the console reopens at once, and the guest keeps running', async () => {
    const first = await connection.domainOpenConsole(guest, CONSOLE);
    // libvirt allows one session per console: a second open without FORCE is refused.
    await expect(connection.domainOpenConsole(guest, CONSOLE)).rejects.toMatchObject({ name: 'LibvirtError', codeName: 'OPERATION_FAILED' });
    let stream = first;
    // 'close' follows the daemon's abort confirmation, so reopening right away never meets the old session.
    for (let round = 0; round < 50; round++) {
      const closed = new Promise<Error | null>((resolve) => { stream.once('close', () => { resolve(stream.errored); }); });
      stream.abort();
      expect(await closed).toBeNull();
      stream = await connection.domainOpenConsole(guest, CONSOLE);
    }
    const reopened = stream;
    const transcript = new StreamTranscript(reopened);
    await guestShell(connection, guest, `echo AFTER-ABORT > ${CONSOLE_TTY}`);
    await transcript.waitFor('AFTER-ABORT', 20_000);

    // FORCE takes the console over: libvirt ends the old session with an error, the new one carries data.
    // The old session may end before the reply to the new open arrives: listen first.
    const reopenedEnd = new Promise<Error | null>((resolve) => { reopened.once('close', () => { resolve(reopened.errored); }); });
    const forced = await connection.domainOpenConsole(guest, CONSOLE, VIR_DOMAIN_CONSOLE_FORCE);
    expect(await reopenedEnd).toMatchObject({ name: 'LibvirtError', codeName: 'RPC', message: expect.stringContaining('stream had I/O failure') as string });
    const forcedTranscript = new StreamTranscript(forced);
    await guestShell(connection, guest, `echo AFTER-FORCE > ${CONSOLE_TTY}`);
    await forcedTranscript.waitFor('AFTER-FORCE', 20_000);
    forced.abort();
    expect((await connection.domainGetState(guest)).stateName).toBe('RUNNING');
  }, 90_000);

  it('hot-plugs a SCSI disk the guest sees, unplugs it live and delivers the typed device-removed event', async () => {
    const added = await connection.subscribeDomainEvents('deviceAdded', { domain: guest });
    const addedEvents = added[Symbol.asyncIterator]();
    const removed = await connection.subscribeDomainEvents('deviceRemoved', { domain: guest });
    const removedEvents = removed[Symbol.asyncIterator]();
    const blockDevices = async (): Promise<string[]> => (await guestShell(connection, guest, 'ls /sys/block')).split(/\s+/).filter((name) => name !== '');
    const before = await blockDevices();
    const disk = join(daemon.layout.baseDir, 'hot-scsi.img');
    writeFileSync(disk, Buffer.alloc(16 * 1024 * 1024));
    await connection.domainAttachDeviceFlags(
      guest,
      `<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${disk}'/><target dev='sdb' bus='scsi'/><alias name='ua-hot-scsi'/></disk>`,
      DeviceModify.LIVE,
    );
    expect((await addedEvents.next()).value).toEqual({ kind: 'deviceAdded', domain: expect.objectContaining({ name: NAME }) as Domain, devAlias: 'ua-hot-scsi' });
    let plugged = '';
    await expect.poll(async () => {
      plugged = (await blockDevices()).find((name) => name.startsWith('sd') && !before.includes(name)) ?? '';
      return plugged;
    }, { timeout: 60_000 }).not.toBe('');
    expect((await guestShell(connection, guest, `cat /sys/block/${plugged}/size`)).trim()).toBe(String(16 * 2048));

    await connection.domainDetachDeviceAlias(guest, 'ua-hot-scsi', DeviceModify.LIVE);
    // The guest's kernel releases the disk, QEMU reports DEVICE_DELETED, libvirt then sends the event.
    expect((await removedEvents.next()).value).toEqual({ kind: 'deviceRemoved', domain: expect.objectContaining({ name: NAME }) as Domain, devAlias: 'ua-hot-scsi' });
    expect(await connection.domainGetXmlDesc(guest)).not.toContain('ua-hot-scsi');
    await expect.poll(blockDevices, { timeout: 30_000 }).not.toContain(plugged);
    await added.close();
    await removed.close();
  }, 120_000);
});
