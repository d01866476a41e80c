import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { KvmkitError, type ConverterDirectories, type DiskImageRequest, type HostOperations, type PortForwardRequest, type PortForwardResult, type PortReleaseRequest } from '@kvmkit/core';
import {
  ConnectListAllNetworksFlags, ErrorCode, LibvirtError, NetworkUpdateCommand, NetworkUpdateFlags, NetworkUpdateSection, type LibvirtConnection, type Network,
} from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { confinePath } from './confine-path.ts';
import { dhcpHostXml, ownedReservations, reservationName } from './dhcp-reservations.ts';
import { fixedAddressFor } from './fixed-address.ts';
import { IptablesPortForwards } from './iptables-port-forwards.ts';
import { serialisedPortForwarding } from './port-forward-queue.ts';
import { ownerComment } from './port-forward-rules.ts';

const execFileAsync = promisify(execFile);

/** The connection methods host operations use: libvirt's network calls. */
export type HostOperationsConnection = Pick<LibvirtConnection,
  'connectListAllNetworks' | 'networkCreate' | 'networkDefineXml' | 'networkGetXmlDesc' | 'networkIsActive' | 'networkLookupByName' | 'networkUpdate'>;

export interface LibvirtHostOperationsOptions {
  readonly directories: ConverterDirectories;
  readonly connection: HostOperationsConnection;
  /** The qemu-img binary; default `qemu-img` on PATH. */
  readonly qemuImg?: string;
  /** The iptables binary port forwards are written with; default `iptables` on PATH. */
  readonly iptables?: string;
}

/** network-update flags: change the running network and its persistent definition. */
const LIVE_AND_CONFIG = NetworkUpdateFlags.AFFECT_LIVE | NetworkUpdateFlags.AFFECT_CONFIG;

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/**
 * The real `HostOperations` plugins' prepare steps run against: files confined to the
 * context's directories, disk images through `qemu-img create`, networks through libvirt.
 */
export class LibvirtHostOperations implements HostOperations {
  readonly #directories: ConverterDirectories;
  readonly #connection: HostOperationsConnection;
  readonly #qemuImg: string;
  readonly #portForwards: IptablesPortForwards;

  constructor(options: LibvirtHostOperationsOptions) {
    this.#directories = options.directories;
    this.#connection = options.connection;
    this.#qemuImg = options.qemuImg ?? 'qemu-img';
    this.#portForwards = new IptablesPortForwards(options.iptables);
  }

  async exists(path: string): Promise<boolean> {
    const confined = confinePath(path, this.#directories, 'exists.path');
    try {
      await stat(confined);
      return true;
    } catch {
      return false;
    }
  }

  async makeDirectory(path: string): Promise<void> {
    await mkdir(confinePath(path, this.#directories, 'makeDirectory.path'), { recursive: true });
  }

  async writeFile(path: string, content: Uint8Array | string, options: { mode?: number } = {}): Promise<void> {
    const target = confinePath(path, this.#directories, 'writeFile.path');
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, content, { mode: options.mode ?? 0o644 });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw domainManagerError('HOST_OPERATION_FAILED', `writeFile.path: could not write '${target}': ${(error as Error).message}`, { path: 'writeFile.path' }, error);
    }
  }

  async removeFile(path: string): Promise<void> {
    await rm(confinePath(path, this.#directories, 'removeFile.path'), { force: true });
  }

  async createDiskImage(request: DiskImageRequest): Promise<void> {
    const target = confinePath(request.path, this.#directories, 'createDiskImage.path');
    if (await this.exists(target)) return; // idempotent: an existing image keeps its data
    const args = ['create', '-q', '-f', request.format];
    if (request.backingFile !== undefined) {
      if (request.format !== 'qcow2') throw domainManagerError('INVALID_REQUEST', `createDiskImage.format: an overlay on a backing file must be qcow2, not ${request.format}`, { path: 'createDiskImage.format' });
      args.push('-b', request.backingFile.path, '-F', request.backingFile.format);
    } else if (request.sizeBytes === undefined) {
      throw domainManagerError('INVALID_REQUEST', 'createDiskImage.sizeBytes: a size is required without a backing file', { path: 'createDiskImage.sizeBytes' });
    }
    args.push(target);
    if (request.sizeBytes !== undefined) args.push(request.sizeBytes.toString());
    await mkdir(dirname(target), { recursive: true });
    try {
      await execFileAsync(this.#qemuImg, args);
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
      throw domainManagerError('HOST_OPERATION_FAILED', `createDiskImage: qemu-img create of '${target}' failed: ${stderr.trim()}`, { path: 'createDiskImage.path' }, error);
    }
  }

  async ensureNetwork(name: string, networkXml: string): Promise<void> {
    const network = (await this.#findNetwork(name)) ?? (await this.#connection.networkDefineXml(networkXml));
    if (!(await this.#connection.networkIsActive(network))) await this.#connection.networkCreate(network);
  }

  /**
   * A DHCP reservation on the network (network-update, live and persistent) for the guest's MAC,
   * named for the owner, then DNAT rules from the host ports to that address. The reservation
   * lies outside the network's DHCP ranges, so dnsmasq never leases it to another guest. Host
   * ports are checked before anything changes, and a reservation this call added is taken back
   * when the rules fail. Runs in the process-wide port-forwarding queue.
   */
  async forwardPorts(request: PortForwardRequest): Promise<PortForwardResult> {
    const owner = this.#checkedOwner(request.owner, 'forwardPorts.owner');
    const mac = this.#checkedMac(request.mac, 'forwardPorts.mac');
    return serialisedPortForwarding(async () => {
      const path = 'forwardPorts.network';
      const network = await this.#networkCall(path, () => this.#findNetwork(request.network));
      if (network === undefined) throw domainManagerError('HOST_OPERATION_FAILED', `${path}: no libvirt network named ${request.network} (ensureNetwork it first)`, { path });
      const xml = await this.#networkXml(network, path);
      let fixed: ReturnType<typeof fixedAddressFor>;
      try {
        fixed = fixedAddressFor(xml, mac, request.network);
      } catch (error) {
        throw domainManagerError('HOST_OPERATION_FAILED', `${path}: ${(error as Error).message}`, { path }, error);
      }
      await this.#portForwards.refuseTakenPorts(owner, request.ports);
      // The owner's reservations for another MAC (its MAC or the MAC prefix changed) go.
      for (const stale of ownedReservations(xml, owner, new Set()).filter((host) => host.mac?.toLowerCase() !== mac)) {
        await this.#updateDhcpHost(network, NetworkUpdateCommand.DELETE, dhcpHostXml(stale), path);
      }
      const name = reservationName(owner);
      const reservation = dhcpHostXml({ mac, ...(name === undefined ? {} : { name }), ip: fixed.address });
      if (!fixed.reserved) await this.#updateDhcpHost(network, NetworkUpdateCommand.ADD_LAST, reservation, path);
      try {
        await this.#portForwards.apply(owner, fixed.address, request.ports);
      } catch (error) {
        // Nothing forwards to the address now; the rules' failure is what the caller hears about.
        if (!fixed.reserved) await this.#updateDhcpHost(network, NetworkUpdateCommand.DELETE, reservation, path).catch(() => undefined);
        throw error;
      }
      return { guestAddress: fixed.address };
    });
  }

  /**
   * Removes the owner's DNAT rules (and kvmkit's chains once empty), then the DHCP reservations
   * those rules forwarded to or that are named for the owner: on `request.network`, or on every
   * active network when none is given. Needs neither the MAC nor a free address. A network that
   * is gone or not running is skipped. Runs in the process-wide port-forwarding queue.
   */
  async releasePorts(request: PortReleaseRequest): Promise<void> {
    const owner = this.#checkedOwner(request.owner, 'releasePorts.owner');
    await serialisedPortForwarding(async () => {
      const path = 'releasePorts.network';
      const forwardedTo = await this.#portForwards.remove(owner);
      const networks = await this.#networkCall(path, async () => {
        if (request.network === undefined) return this.#activeNetworks();
        const named = await this.#findNetwork(request.network);
        return named !== undefined && (await this.#connection.networkIsActive(named)) ? [named] : [];
      });
      for (const network of networks) {
        for (const host of ownedReservations(await this.#networkXml(network, path), owner, forwardedTo)) {
          await this.#updateDhcpHost(network, NetworkUpdateCommand.DELETE, dhcpHostXml(host), path);
        }
      }
    });
  }

  #checkedMac(mac: string, path: string): string {
    if (!MAC.test(mac)) throw domainManagerError('INVALID_REQUEST', `${path}: "${mac}" is not a MAC in lower case with colons`, { path });
    return mac;
  }

  #checkedOwner(owner: string, path: string): string {
    try {
      ownerComment(owner);
    } catch (error) {
      throw domainManagerError('INVALID_REQUEST', `${path}: ${(error as Error).message.replace(/^owner: /, '')}`, { path }, error);
    }
    return owner;
  }

  /** The network named `name`; undefined when libvirt has none (NO_NETWORK); other failures throw. */
  async #findNetwork(name: string): Promise<Network | undefined> {
    try {
      return await this.#connection.networkLookupByName(name);
    } catch (error) {
      if (error instanceof LibvirtError && error.code === ErrorCode.NO_NETWORK) return undefined;
      throw error;
    }
  }

  /** Every running network; none on a connection without a network driver (a session daemon). */
  async #activeNetworks(): Promise<Network[]> {
    try {
      return await this.#connection.connectListAllNetworks(ConnectListAllNetworksFlags.ACTIVE);
    } catch (error) {
      if (error instanceof LibvirtError && error.code === ErrorCode.NO_SUPPORT) return [];
      throw error;
    }
  }

  async #networkXml(network: Network, path: string): Promise<string> {
    return this.#networkCall(path, () => this.#connection.networkGetXmlDesc(network));
  }

  async #updateDhcpHost(network: Network, command: number, xml: string, path: string): Promise<void> {
    // parentIndex -1: the network's only IPv4 <ip> that has DHCP.
    await this.#networkCall(path, () => this.#connection.networkUpdate(network, command, NetworkUpdateSection.IP_DHCP_HOST, -1, xml, LIVE_AND_CONFIG));
  }

  /** A network RPC whose failure becomes HOST_OPERATION_FAILED at `path` (kvmkit's own errors pass). */
  async #networkCall<T>(path: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (KvmkitError.isInstance(error)) throw error;
      const reason = error instanceof LibvirtError ? error.daemonMessage : (error as Error).message;
      throw domainManagerError('HOST_OPERATION_FAILED', `${path}: ${reason}`, { path }, error);
    }
  }
}
