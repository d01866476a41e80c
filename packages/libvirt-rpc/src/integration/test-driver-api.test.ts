import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import { LibvirtError, UnsupportedOperationError } from '../errors/libvirt-error.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { uuidToString, type Domain } from '../protocol/remote-types.ts';
import { typedParamsToRecord } from '../protocol/typed-param.ts';
import { DomainStatsType, MetadataType } from '../api/domain-info.ts';
import { InterfaceAddressSource } from '../api/domain-guest-agent.ts';
import { CoreDumpFormat } from '../api/domain-jobs.ts';
import { testDriverDomainXml } from './test-domain-xml.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Every typed call the test driver implements, against a private libvirtd's test:///default.
let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;
let testDomain: Domain;

beforeAll(async () => {
  daemon = await startLibvirtd();
  connection = await connect(daemon.testDriverUri);
  testDomain = await connection.domainLookupByName('test');
}, 60_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

async function expectNoSupport(call: Promise<unknown>): Promise<void> {
  await expect(call).rejects.toMatchObject({ name: 'LibvirtError', codeName: 'NO_SUPPORT', code: 3 });
}

describe('host calls', () => {
  it('reports versions, hostname, URI and features', async () => {
    expect(await connection.connectGetLibVersion()).toBeGreaterThanOrEqual(9_000_000n);
    expect(await connection.connectGetVersion()).toBeGreaterThan(0n);
    expect(await connection.connectGetHostname()).not.toBe('');
    expect(await connection.connectGetUri()).toBe('test:///default');
    expect(connection.daemonUri).toBe('test:///default');
    expect(await connection.connectSupportsFeature(10)).toBe(true);
  });

  it('decodes node_get_info with its 4-byte chars', async () => {
    expect(await connection.nodeGetInfo()).toEqual({ model: 'i686', memory: 3_145_728n, cpus: 16, mhz: 1400, nodes: 2, sockets: 2, cores: 2, threads: 2 });
  });

  it('returns capabilities XML; domain capabilities are a QEMU-driver call', async () => {
    expect(await connection.connectGetCapabilities()).toContain('<capabilities>');
    await expectNoSupport(connection.connectGetDomainCapabilities({ virtType: 'test' }));
  });

  it('lists domains, networks and storage pools', async () => {
    expect((await connection.connectListAllDomains()).map((item) => item.name)).toContain('test');
    expect((await connection.connectListAllNetworks()).map((item) => item.name)).toEqual(['default']);
    expect((await connection.connectListAllStoragePools()).map((item) => item.name)).toEqual(['default-pool']);
    await connection.connectRegisterCloseCallback();
    await connection.connectUnregisterCloseCallback();
  });
});

describe('lookups and errors', () => {
  it('finds a domain by name, UUID (bytes or string) and id', async () => {
    expect(testDomain.uuid.length).toBe(16);
    expect(await connection.domainLookupByUuid(testDomain.uuid)).toEqual(testDomain);
    expect(await connection.domainLookupByUuid(uuidToString(testDomain.uuid))).toEqual(testDomain);
    expect(await connection.domainLookupById(testDomain.id)).toEqual(testDomain);
  });

  it('decodes remote_error into a LibvirtError with symbolic code and domain', async () => {
    const failure = await connection.domainLookupByName('no-such-domain').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LibvirtError);
    expect(failure).toMatchObject({ code: 42, codeName: 'NO_DOMAIN', domain: 12, domainName: 'TEST', level: 'error', procedure: 'DOMAIN_LOOKUP_BY_NAME' });
    expect((failure as LibvirtError).message).toBe('DOMAIN_LOOKUP_BY_NAME: Domain not found (NO_DOMAIN/TEST)');
    expect((failure as LibvirtError).daemonMessage).toBe('Domain not found');
  });

  it('turns "unknown procedure" into an UnsupportedOperationError', async () => {
    const future = defineProcedure({ name: 'FUTURE_CALL', number: 99_999 });
    const failure = await connection.call(future, undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnsupportedOperationError);
    expect(failure).toMatchObject({ codeName: 'RPC', domainName: 'RPC' });
  });
});

describe('domain lifecycle', () => {
  it('defines, starts, pauses, resumes, stops and undefines a domain', async () => {
    const defined = await connection.domainDefineXml(testDriverDomainXml('life-1'));
    expect(defined.id).toBe(-1);
    expect((await connection.domainGetState(defined)).stateName).toBe('SHUTOFF');
    await connection.domainCreate(defined);
    expect((await connection.domainGetState(defined)).stateName).toBe('RUNNING');
    await connection.domainSuspend(defined);
    expect((await connection.domainGetState(defined)).stateName).toBe('PAUSED');
    await connection.domainResume(defined);
    await connection.domainShutdown(defined);
    expect((await connection.domainGetState(defined)).stateName).toBe('SHUTOFF');
    const started = await connection.domainCreateWithFlags(defined, 0);
    expect(started.id).toBeGreaterThan(0);
    await connection.domainReboot(started);
    await connection.domainReset(started);
    await connection.domainShutdownFlags(started, 0);
    await connection.domainCreate(defined);
    await connection.domainDestroy(defined);
    await connection.domainCreate(defined);
    await connection.domainDestroyFlags(defined, 0);
    await connection.domainSetAutostart(defined, true);
    expect(await connection.domainGetAutostart(defined)).toBe(true);
    await connection.domainUndefine(defined);
    await expect(connection.domainLookupByName('life-1')).rejects.toMatchObject({ codeName: 'NO_DOMAIN' });
  });

  it('uses the *Flags variants and transient domains', async () => {
    const defined = await connection.domainDefineXmlFlags(testDriverDomainXml('life-2'), 0);
    await connection.domainUndefineFlags(defined, 0);
    const transient = await connection.domainCreateXml(testDriverDomainXml('life-3'));
    expect(transient.id).toBeGreaterThan(0);
    expect((await connection.domainGetState(transient)).stateName).toBe('RUNNING');
    await connection.domainDestroy(transient);
    await expect(connection.domainLookupByName('life-3')).rejects.toMatchObject({ codeName: 'NO_DOMAIN' });
  });
});

describe('domain information', () => {
  it('reads info, XML, metadata and statistics', async () => {
    const info = await connection.domainGetInfo(testDomain);
    expect(info).toMatchObject({ state: 1, maxMem: 8_388_608n, nrVirtCpu: 2 });
    expect(await connection.domainGetXmlDesc(testDomain)).toContain('<name>test</name>');
    await connection.domainSetMetadata(testDomain, MetadataType.ELEMENT, '<owner>kvmkit</owner>', 'kk', 'https://kvmkit.example/meta', 0);
    expect(await connection.domainGetMetadata(testDomain, MetadataType.ELEMENT, 'https://kvmkit.example/meta')).toBe('<owner>kvmkit</owner>');
    expect((await connection.domainMemoryStats(testDomain)).length).toBeGreaterThan(0);
    expect((await connection.domainBlockStats(testDomain, 'vda')).rd_req).toBeGreaterThan(0n);
    await expect(connection.domainInterfaceStats(testDomain, 'no-such-nic')).rejects.toMatchObject({ codeName: 'INVALID_ARG' });
    const [record] = await connection.connectGetAllDomainStats([testDomain], DomainStatsType.STATE);
    expect(record?.domain.name).toBe('test');
    expect(typedParamsToRecord(record?.params ?? [])).toMatchObject({ 'state.state': 1 });
  });

  it('changes vCPUs and memory and sends keys', async () => {
    expect(await connection.domainGetVcpusFlags(testDomain, 0)).toBe(2);
    await connection.domainSetVcpusFlags(testDomain, 1, 1);
    expect(await connection.domainGetVcpusFlags(testDomain, 1)).toBe(1);
    await connection.domainSetMemoryFlags(testDomain, 1_048_576n, 1);
    expect((await connection.domainGetInfo(testDomain)).memory).toBe(1_048_576n);
    await connection.domainSendKey(testDomain, 0, 10, [28]);
  });

  it('answers the guest-agent calls the test driver fakes', async () => {
    expect(await connection.domainFsFreeze(testDomain)).toBe(2);
    expect(await connection.domainFsThaw(testDomain)).toBe(2);
    await connection.domainSetUserPassword(testDomain, 'root', 'secret');
    expect(await connection.domainInterfaceAddresses(testDomain, InterfaceAddressSource.AGENT)).toEqual([
      { name: 'testnet0', hwaddr: 'aa:bb:cc:dd:ee:ff', addrs: [{ type: 0, addr: '192.168.122.3', prefix: 24 }] },
    ]);
    expect((await connection.domainGetFsInfo(testDomain)).map((fs) => fs.mountpoint)).toEqual(['/', '/boot']);
    await connection.domainSetTime(testDomain, 1000n, 0);
    expect((await connection.domainGetTime(testDomain)).seconds).toBeGreaterThan(0n);
  });

  it('dumps core in the raw format to a file on the host', async () => {
    const raw = join(daemon.layout.baseDir, 'core.raw');
    await connection.domainCoreDump(testDomain, raw);
    await connection.domainCoreDumpWithFormat(testDomain, `${raw}.2`, CoreDumpFormat.RAW);
    expect(existsSync(raw) && existsSync(`${raw}.2`)).toBe(true);
  });

  it('creates and deletes snapshots and checkpoints', async () => {
    const snapshot = await connection.domainSnapshotCreateXml(testDomain, '<domainsnapshot><name>snap-1</name></domainsnapshot>');
    expect(snapshot).toMatchObject({ name: 'snap-1', domain: { name: 'test' } });
    await connection.domainSnapshotDelete(snapshot);
    const checkpoint = await connection.domainCheckpointCreateXml(testDomain, '<domaincheckpoint><name>cp-1</name></domaincheckpoint>');
    expect((await connection.domainListAllCheckpoints(testDomain)).map((item) => item.name)).toContain('cp-1');
    expect(await connection.domainCheckpointLookupByName(testDomain, 'cp-1')).toEqual(checkpoint);
    expect(await connection.domainCheckpointGetXmlDesc(checkpoint)).toContain('<name>cp-1</name>');
    await connection.domainCheckpointDelete(checkpoint);
    expect(await connection.domainListAllCheckpoints(testDomain)).toEqual([]);
  });

  it('creates and deletes storage volumes', async () => {
    const pool = await connection.storagePoolLookupByName('default-pool');
    const volume = await connection.storageVolCreateXml(pool, '<volume><name>kvmkit.img</name><capacity>4096</capacity></volume>');
    expect(volume).toEqual({ pool: 'default-pool', name: 'kvmkit.img', key: '/default-pool/kvmkit.img' });
    await connection.storageVolDelete(volume);
  });
});

describe('screenshot stream', () => {
  it('returns a PNG with the mime type from the reply and completes the finish handshake', async () => {
    const shot = await connection.domainScreenshot(testDomain);
    expect(shot.mime).toBe('image/png');
    expect(shot.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(shot.data.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(shot.data.readUInt32BE(16)).toBeGreaterThan(0);
    expect(shot.data.readUInt32BE(20)).toBeGreaterThan(0);
    // The connection is still usable afterwards: the stream was closed properly on both sides.
    expect((await connection.domainGetState(testDomain)).stateName).toBe('RUNNING');
    expect((await connection.domainScreenshot(testDomain)).data.equals(shot.data)).toBe(true);
  });
});

describe('calls the test driver refuses (implemented by the QEMU driver)', () => {
  it('reports NO_SUPPORT for device, job, agent, backup, migration and stream calls', async () => {
    const dom = testDomain;
    const pool = await connection.storagePoolLookupByName('default-pool');
    const volume = await connection.storageVolCreateXml(pool, '<volume><name>streams.img</name><capacity>4096</capacity></volume>');
    const calls: (() => Promise<unknown>)[] = [
      () => connection.domainAttachDeviceFlags(dom, '<disk/>', 1),
      () => connection.domainDetachDeviceFlags(dom, '<disk/>', 1),
      () => connection.domainDetachDeviceAlias(dom, 'ua-disk', 1),
      () => connection.domainUpdateDeviceFlags(dom, '<disk/>', 1),
      () => connection.domainGetJobInfo(dom),
      () => connection.domainGetJobStats(dom),
      () => connection.domainAbortJob(dom),
      () => connection.domainAbortJobFlags(dom, 0),
      () => connection.domainBackupBegin(dom, '<domainbackup/>', null),
      () => connection.domainBackupGetXmlDesc(dom),
      () => connection.domainMigrateBegin3Params(dom, [], 0),
      () => connection.domainMigratePrepare3Params([], Buffer.alloc(0), 0),
      () => connection.domainMigratePerform3Params(dom, 'test:///default', [{ field: 'bandwidth', type: 'ullong', value: 10n }], Buffer.alloc(0), 2),
      () => connection.domainMigrateFinish3Params([], Buffer.alloc(0), 0, true),
      () => connection.domainMigrateConfirm3Params(dom, [], Buffer.alloc(0), 0, true),
      () => connection.domainOpenConsole(dom),
      () => connection.domainOpenChannel(dom, 'org.qemu.guest_agent.0'),
      () => connection.domainGetGuestInfo(dom, 0),
      () => connection.domainMigratePrepareTunnel3Params([], Buffer.alloc(0), 0),
      () => connection.storageVolUpload(volume, 0n, 0n),
      () => connection.storageVolDownload(volume, 0n, 0n),
      () => connection.storageVolDownloadAll(volume),
    ];
    for (const call of calls) await expectNoSupport(call());
    await connection.storageVolDelete(volume);
  });
});
