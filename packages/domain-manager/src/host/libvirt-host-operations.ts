import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ConverterDirectories, DiskImageRequest, HostOperations, PortForwardRequest, PortForwardResult, PortReleaseRequest } from '@kvmkit/core';
import { ErrorCode, LibvirtError, type LibvirtConnection } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';
import { confinePath } from './confine-path.ts';
import { fixedAddressFor } from './fixed-address.ts';
import { IptablesPortForwards } from './iptables-port-forwards.ts';
import {
  NETWORK_CREATE, NETWORK_DEFINE_XML, NETWORK_GET_XML_DESC, NETWORK_IS_ACTIVE, NETWORK_LOOKUP_BY_NAME, NETWORK_SECTION_IP_DHCP_HOST, NETWORK_UPDATE,
  NETWORK_UPDATE_LIVE_AND_CONFIG, NetworkUpdateCommand,
} from './network-procedures.ts';

const execFileAsync = promisify(execFile);

export interface LibvirtHostOperationsOptions {
  readonly directories: ConverterDirectories;
  readonly connection: Pick<LibvirtConnection, 'call'>;
  /** The qemu-img binary; default `qemu-img` on PATH. */
  readonly qemuImg?: string;
  /** The iptables binary port forwards are written with; default `iptables` on PATH. */
  readonly iptables?: string;
}

/** A `<host>` of a network's DHCP: the guest's fixed address. */
function dhcpHostXml(mac: string, address: string): string {
  return `<host mac='${mac}' ip='${address}'/>`;
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/**
 * The real `HostOperations` plugins' prepare steps run against: files confined to the
 * context's directories, disk images through `qemu-img create`, networks through libvirt.
 */
export class LibvirtHostOperations implements HostOperations {
  readonly #directories: ConverterDirectories;
  readonly #connection: Pick<LibvirtConnection, 'call'>;
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
    let network: { name: string; uuid: Buffer };
    try {
      network = (await this.#connection.call(NETWORK_LOOKUP_BY_NAME, { name })).net;
    } catch (error) {
      if (!(error instanceof LibvirtError) || error.code !== ErrorCode.NO_NETWORK) throw error;
      network = (await this.#connection.call(NETWORK_DEFINE_XML, { xml: networkXml })).net;
    }
    const { active } = await this.#connection.call(NETWORK_IS_ACTIVE, { net: network });
    if (active !== 1) await this.#connection.call(NETWORK_CREATE, { net: network });
  }

  /**
   * A DHCP reservation on the network (network-update, live and persistent) for the guest's MAC,
   * then DNAT rules from the host ports to that address. The reservation lies outside the
   * network's DHCP ranges, so dnsmasq never leases it to another guest.
   */
  async forwardPorts(request: PortForwardRequest): Promise<PortForwardResult> {
    const mac = this.#checkedMac(request.mac, 'forwardPorts.mac');
    const network = await this.#lookupNetwork(request.network, 'forwardPorts.network');
    const { xml } = await this.#connection.call(NETWORK_GET_XML_DESC, { net: network, flags: 0 });
    let fixed: ReturnType<typeof fixedAddressFor>;
    try {
      fixed = fixedAddressFor(xml, mac, request.network);
    } catch (error) {
      throw domainManagerError('HOST_OPERATION_FAILED', `forwardPorts.network: ${(error as Error).message}`, { path: 'forwardPorts.network' }, error);
    }
    if (!fixed.reserved) await this.#updateDhcpHost(network, NetworkUpdateCommand.ADD_LAST, dhcpHostXml(mac, fixed.address));
    await this.#portForwards.apply(request.owner, fixed.address, request.ports);
    return { guestAddress: fixed.address };
  }

  /** Removes the owner's DNAT rules, then the MAC's DHCP reservation (when the network still exists). */
  async releasePorts(request: PortReleaseRequest): Promise<void> {
    const mac = this.#checkedMac(request.mac, 'releasePorts.mac');
    await this.#portForwards.remove(request.owner);
    let network: { name: string; uuid: Buffer };
    try {
      network = (await this.#connection.call(NETWORK_LOOKUP_BY_NAME, { name: request.network })).net;
    } catch (error) {
      if (error instanceof LibvirtError && error.code === ErrorCode.NO_NETWORK) return;
      throw error;
    }
    const { xml } = await this.#connection.call(NETWORK_GET_XML_DESC, { net: network, flags: 0 });
    const fixed = fixedAddressFor(xml, mac, request.network);
    if (fixed.reserved) await this.#updateDhcpHost(network, NetworkUpdateCommand.DELETE, dhcpHostXml(mac, fixed.address));
  }

  #checkedMac(mac: string, path: string): string {
    if (!MAC.test(mac)) throw domainManagerError('INVALID_REQUEST', `${path}: "${mac}" is not a MAC in lower case with colons`, { path });
    return mac;
  }

  async #lookupNetwork(name: string, path: string): Promise<{ name: string; uuid: Buffer }> {
    try {
      return (await this.#connection.call(NETWORK_LOOKUP_BY_NAME, { name })).net;
    } catch (error) {
      if (error instanceof LibvirtError && error.code === ErrorCode.NO_NETWORK) {
        throw domainManagerError('HOST_OPERATION_FAILED', `${path}: no libvirt network named ${name} (ensureNetwork it first)`, { path }, error);
      }
      throw error;
    }
  }

  async #updateDhcpHost(network: { name: string; uuid: Buffer }, command: number, xml: string): Promise<void> {
    // parentIndex -1: the network's only IPv4 <ip> that has DHCP.
    await this.#connection.call(NETWORK_UPDATE, { net: network, command, section: NETWORK_SECTION_IP_DHCP_HOST, parentIndex: -1, xml, flags: NETWORK_UPDATE_LIVE_AND_CONFIG });
  }
}
