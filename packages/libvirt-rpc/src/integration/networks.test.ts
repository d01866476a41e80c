import { startLibvirtd, type PrivateLibvirtd } from '@kvmkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectListAllNetworksFlags, NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection } from '../api/networks.ts';
import { connect, type LibvirtConnection } from '../connection/libvirt-connection.ts';
import { LibvirtError } from '../errors/libvirt-error.ts';
import { uuidToString, type Network } from '../protocol/remote-types.ts';

// The network calls against libvirt's test driver (test:///default) in a private libvirtd: its
// network code keeps live and persistent definitions and checks DHCP host updates as a real
// network does, without dnsmasq or bridges.
let daemon: PrivateLibvirtd;
let connection: LibvirtConnection;

const NAME = 'kvmkit-rpc-net';
const NETWORK_XML = `<network><name>${NAME}</name><bridge name='kvmkit-rpc0'/>`
  + "<ip address='10.98.0.1' netmask='255.255.255.0'><dhcp><range start='10.98.0.2' end='10.98.0.100'/></dhcp></ip></network>";
const LIVE_AND_CONFIG = NetworkUpdateFlags.AFFECT_LIVE | NetworkUpdateFlags.AFFECT_CONFIG;

const dhcpHost = (last: number): string => `<host mac='52:54:00:98:00:${last.toString(16).padStart(2, '0')}' name='guest-${String(last)}' ip='10.98.0.${String(last)}'/>`;

/** The DHCP host IPs of the network's XML, in document order. */
async function dhcpHostIps(network: Network): Promise<string[]> {
  const xml = await connection.networkGetXmlDesc(network);
  return [...xml.matchAll(/<host [^>]*ip='([^']+)'/g)].map((match) => match[1] ?? '');
}

async function listedNames(flags: number): Promise<string[]> {
  return (await connection.connectListAllNetworks(flags)).map((item) => item.name);
}

beforeAll(async () => {
  daemon = await startLibvirtd();
  connection = await connect(daemon.testDriverUri);
}, 60_000);

afterAll(async () => {
  await connection.close();
  await daemon.stop();
});

describe('network calls', () => {
  it("looks up the test driver's running default network", async () => {
    const network = await connection.networkLookupByName('default');
    expect(network.name).toBe('default');
    expect(network.uuid).toHaveLength(16);
    expect(await connection.networkIsActive(network)).toBe(true);
    expect(await connection.networkGetXmlDesc(network)).toContain(`<uuid>${uuidToString(network.uuid)}</uuid>`);
  });

  it('defines, starts, updates DHCP hosts of, stops and undefines a network', async () => {
    const defined = await connection.networkDefineXml(NETWORK_XML);
    expect(defined.name).toBe(NAME);
    expect(await connection.networkIsActive(defined)).toBe(false);
    expect(await listedNames(ConnectListAllNetworksFlags.INACTIVE)).toContain(NAME);

    await connection.networkCreate(defined);
    expect(await connection.networkIsActive(defined)).toBe(true);
    expect(await listedNames(ConnectListAllNetworksFlags.ACTIVE)).toContain(NAME);
    expect(await listedNames(ConnectListAllNetworksFlags.INACTIVE)).not.toContain(NAME);
    const network = await connection.networkLookupByName(NAME);
    expect(uuidToString(network.uuid)).toBe(uuidToString(defined.uuid));
    const xml = await connection.networkGetXmlDesc(network);
    expect(xml).toContain(`<name>${NAME}</name>`);
    expect(xml).toContain("<range start='10.98.0.2' end='10.98.0.100'");

    // ADD_LAST and ADD_FIRST place hosts at either end: proves command and section reach the
    // daemon in the right order (swapped, section 3 would be <ip>, which cannot be updated).
    await connection.networkUpdate(network, NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, dhcpHost(201), LIVE_AND_CONFIG);
    await connection.networkUpdate(network, NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, dhcpHost(202), LIVE_AND_CONFIG);
    await connection.networkUpdate(network, NetworkUpdateCommand.ADD_FIRST, NetworkUpdateSection.IP_DHCP_HOST, 0, dhcpHost(200), LIVE_AND_CONFIG);
    expect(await dhcpHostIps(network)).toEqual(['10.98.0.200', '10.98.0.201', '10.98.0.202']);
    expect(await connection.networkGetXmlDesc(network)).toContain(dhcpHost(201));

    // The flags reach the daemon: an unknown bit is refused. (The test driver offers no INACTIVE
    // XML, so what LIVE and CONFIG each changed is not told apart here.)
    await connection.networkUpdate(network, NetworkUpdateCommand.DELETE, NetworkUpdateSection.IP_DHCP_HOST, -1, dhcpHost(201), NetworkUpdateFlags.AFFECT_LIVE);
    expect(await dhcpHostIps(network)).toEqual(['10.98.0.200', '10.98.0.202']);
    await expect(connection.networkUpdate(network, NetworkUpdateCommand.DELETE, NetworkUpdateSection.IP_DHCP_HOST, -1, dhcpHost(200), 1 << 8))
      .rejects.toMatchObject({ codeName: 'INVALID_ARG' });
    for (const last of [200, 202]) {
      await connection.networkUpdate(network, NetworkUpdateCommand.DELETE, NetworkUpdateSection.IP_DHCP_HOST, -1, dhcpHost(last), LIVE_AND_CONFIG);
    }
    expect(await dhcpHostIps(network)).toEqual([]);

    await connection.networkDestroy(network);
    expect(await connection.networkIsActive(network)).toBe(false);
    expect(await listedNames(ConnectListAllNetworksFlags.INACTIVE)).toContain(NAME);
    expect(await dhcpHostIps(network)).toEqual([]); // and none come back once it is stopped
    await connection.networkUndefine(network);
    expect(await listedNames(0)).not.toContain(NAME);
    await expect(connection.networkLookupByName(NAME)).rejects.toMatchObject({ name: 'LibvirtError', codeName: 'NO_NETWORK' });
  });

  it('reports a DHCP host that is already there and a missing network as typed errors', async () => {
    const network = await connection.networkLookupByName('default');
    const host = "<host mac='52:54:00:98:01:01' ip='192.168.122.250'/>";
    await connection.networkUpdate(network, NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, NetworkUpdateFlags.AFFECT_LIVE);
    const duplicate = await connection.networkUpdate(network, NetworkUpdateCommand.ADD_LAST, NetworkUpdateSection.IP_DHCP_HOST, -1, host, NetworkUpdateFlags.AFFECT_LIVE)
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(LibvirtError);
    expect(duplicate).toMatchObject({ codeName: 'OPERATION_INVALID' });
    await connection.networkUpdate(network, NetworkUpdateCommand.DELETE, NetworkUpdateSection.IP_DHCP_HOST, -1, host, NetworkUpdateFlags.AFFECT_LIVE);

    const missing = await connection.networkLookupByName('no-such-network').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(LibvirtError);
    expect(missing).toMatchObject({ codeName: 'NO_NETWORK', code: 43, procedure: 'NETWORK_LOOKUP_BY_NAME' });
    expect((missing as LibvirtError).daemonMessage).toContain('no-such-network');
  });
});
