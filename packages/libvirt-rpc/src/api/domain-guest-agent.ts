import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { Program } from '../protocol/constants.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, remoteString, type Domain } from '../protocol/remote-types.ts';
import { typedParams, type TypedParam } from '../protocol/typed-param.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr, type XdrValue } from '../xdr/index.ts';

const domFlags = xdr.struct({ dom: domain, flags: xdr.uint });
const mountpoints = xdr.struct({ dom: domain, mountpoints: xdr.array(nonnullString, 256), flags: xdr.uint });
const filesystems = xdr.struct({ filesystems: xdr.int });
export const DOMAIN_FSFREEZE = defineProcedure({ name: 'DOMAIN_FSFREEZE', number: 335, args: mountpoints, ret: filesystems });
export const DOMAIN_FSTHAW = defineProcedure({ name: 'DOMAIN_FSTHAW', number: 336, args: mountpoints, ret: filesystems });
export const DOMAIN_SET_USER_PASSWORD = defineProcedure({
  name: 'DOMAIN_SET_USER_PASSWORD', number: 357, args: xdr.struct({ dom: domain, user: remoteString, password: remoteString, flags: xdr.uint }),
});
export const DOMAIN_GET_GUEST_INFO = defineProcedure({
  name: 'DOMAIN_GET_GUEST_INFO', number: 418, args: xdr.struct({ dom: domain, types: xdr.uint, flags: xdr.uint }), ret: xdr.struct({ params: typedParams(2048) }),
});
const ipAddress = xdr.struct({ type: xdr.int, addr: nonnullString, prefix: xdr.uint });
const domainInterface = xdr.struct({ name: nonnullString, hwaddr: remoteString, addrs: xdr.array(ipAddress, 2048) });
export type DomainInterface = XdrValue<typeof domainInterface>;
export const DOMAIN_INTERFACE_ADDRESSES = defineProcedure({
  name: 'DOMAIN_INTERFACE_ADDRESSES', number: 353, args: xdr.struct({ dom: domain, source: xdr.uint, flags: xdr.uint }), ret: xdr.struct({ ifaces: xdr.array(domainInterface, 2048) }),
});
const fsInfo = xdr.struct({ mountpoint: nonnullString, name: nonnullString, fstype: nonnullString, dev_aliases: xdr.array(nonnullString, 256) });
export type DomainFsInfo = XdrValue<typeof fsInfo>;
export const DOMAIN_GET_FSINFO = defineProcedure({ name: 'DOMAIN_GET_FSINFO', number: 349, args: domFlags, ret: xdr.struct({ info: xdr.array(fsInfo, 256), ret: xdr.uint }) });
export const DOMAIN_GET_TIME = defineProcedure({ name: 'DOMAIN_GET_TIME', number: 337, args: domFlags, ret: xdr.struct({ seconds: xdr.hyper, nseconds: xdr.uint }) });
export const DOMAIN_SET_TIME = defineProcedure({ name: 'DOMAIN_SET_TIME', number: 338, args: xdr.struct({ dom: domain, seconds: xdr.hyper, nseconds: xdr.uint, flags: xdr.uint }) });
export const DOMAIN_GET_GUEST_VCPUS = defineProcedure({ name: 'DOMAIN_GET_GUEST_VCPUS', number: 371, args: domFlags, ret: xdr.struct({ params: typedParams(64) }) });
export const DOMAIN_SET_GUEST_VCPUS = defineProcedure({
  name: 'DOMAIN_SET_GUEST_VCPUS', number: 372, args: xdr.struct({ dom: domain, cpumap: nonnullString, state: xdr.int, flags: xdr.uint }),
});
export const DOMAIN_AGENT_SET_RESPONSE_TIMEOUT = defineProcedure({
  name: 'DOMAIN_AGENT_SET_RESPONSE_TIMEOUT', number: 420, args: xdr.struct({ dom: domain, timeout: xdr.int, flags: xdr.uint }), ret: xdr.struct({ result: xdr.int }),
});
export const DOMAIN_AUTHORIZED_SSH_KEYS_GET = defineProcedure({
  name: 'DOMAIN_AUTHORIZED_SSH_KEYS_GET', number: 424, args: xdr.struct({ dom: domain, user: nonnullString, flags: xdr.uint }), ret: xdr.struct({ keys: xdr.array(nonnullString, 2048) }),
});
export const DOMAIN_AUTHORIZED_SSH_KEYS_SET = defineProcedure({
  name: 'DOMAIN_AUTHORIZED_SSH_KEYS_SET', number: 425, args: xdr.struct({ dom: domain, user: nonnullString, keys: xdr.array(nonnullString, 2048), flags: xdr.uint }),
});
export const QEMU_DOMAIN_MONITOR_COMMAND = defineProcedure({
  name: 'QEMU_DOMAIN_MONITOR_COMMAND', program: Program.QEMU, number: 1, args: xdr.struct({ dom: domain, cmd: nonnullString, flags: xdr.uint }), ret: xdr.struct({ result: nonnullString }),
});
export const QEMU_DOMAIN_AGENT_COMMAND = defineProcedure({
  name: 'QEMU_DOMAIN_AGENT_COMMAND', program: Program.QEMU, number: 3,
  args: xdr.struct({ dom: domain, cmd: nonnullString, timeout: xdr.int, flags: xdr.uint }), ret: xdr.struct({ result: remoteString }),
});

/** `VIR_DOMAIN_GUEST_INFO_*` bits. */
export const GuestInfoType = { USERS: 1, OS: 2, TIMEZONE: 4, HOSTNAME: 8, FILESYSTEM: 16, DISKS: 32, INTERFACES: 64, LOAD: 128 } as const;
/** `VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_*`. */
export const InterfaceAddressSource = { LEASE: 0, AGENT: 1, ARP: 2 } as const;
/** `VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_*` / `VIR_DOMAIN_QEMU_AGENT_COMMAND_*`. */
export const AgentTimeout = { BLOCK: -2, DEFAULT: -1, NOWAIT: 0 } as const;

/** Calls that go through the QEMU guest agent inside the domain. */
export const domainGuestAgentMethods = {
  /** Freezes the given mount points (all when empty); returns how many were frozen. */
  async domainFsFreeze(this: LibvirtConnectionCore, target: Domain, mountPoints: readonly string[] = [], flags = 0, options?: CallOptions): Promise<number> {
    return (await this.call(DOMAIN_FSFREEZE, { dom: target, mountpoints: [...mountPoints], flags }, options)).filesystems;
  },
  async domainFsThaw(this: LibvirtConnectionCore, target: Domain, mountPoints: readonly string[] = [], flags = 0, options?: CallOptions): Promise<number> {
    return (await this.call(DOMAIN_FSTHAW, { dom: target, mountpoints: [...mountPoints], flags }, options)).filesystems;
  },
  /** Flags: ENCRYPTED 1 (the password is already crypt()ed). */
  async domainSetUserPassword(this: LibvirtConnectionCore, target: Domain, user: string, password: string, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_USER_PASSWORD, { dom: target, user, password, flags }, options);
  },
  /** Typed parameters for the `GuestInfoType` bits (0 = all the agent supports). */
  async domainGetGuestInfo(this: LibvirtConnectionCore, target: Domain, types: number, flags = 0, options?: CallOptions): Promise<TypedParam[]> {
    return (await this.call(DOMAIN_GET_GUEST_INFO, { dom: target, types, flags }, options)).params;
  },
  /** Interfaces and their addresses, from `InterfaceAddressSource`. */
  async domainInterfaceAddresses(this: LibvirtConnectionCore, target: Domain, source: number, flags = 0, options?: CallOptions): Promise<DomainInterface[]> {
    return (await this.call(DOMAIN_INTERFACE_ADDRESSES, { dom: target, source, flags }, options)).ifaces;
  },
  async domainGetFsInfo(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<DomainFsInfo[]> {
    return (await this.call(DOMAIN_GET_FSINFO, { dom: target, flags }, options)).info;
  },
  domainGetTime(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<{ seconds: bigint; nseconds: number }> {
    return this.call(DOMAIN_GET_TIME, { dom: target, flags }, options);
  },
  /** Flags: SYNC 1 (take the time from the host RTC, ignoring seconds). */
  async domainSetTime(this: LibvirtConnectionCore, target: Domain, seconds: bigint, nseconds: number, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_TIME, { dom: target, seconds, nseconds, flags }, options);
  },
  async domainGetGuestVcpus(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<TypedParam[]> {
    return (await this.call(DOMAIN_GET_GUEST_VCPUS, { dom: target, flags }, options)).params;
  },
  /** Enables (`online` true) or disables the guest vCPUs in `cpumap` (e.g. `"1-2"`). */
  async domainSetGuestVcpus(this: LibvirtConnectionCore, target: Domain, cpumap: string, online: boolean, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_GUEST_VCPUS, { dom: target, cpumap, state: online ? 1 : 0, flags }, options);
  },
  /** Seconds, or an `AgentTimeout` value. */
  async domainAgentSetResponseTimeout(this: LibvirtConnectionCore, target: Domain, timeout: number, flags = 0, options?: CallOptions): Promise<number> {
    return (await this.call(DOMAIN_AGENT_SET_RESPONSE_TIMEOUT, { dom: target, timeout, flags }, options)).result;
  },
  async domainAuthorizedSshKeysGet(this: LibvirtConnectionCore, target: Domain, user: string, flags = 0, options?: CallOptions): Promise<string[]> {
    return (await this.call(DOMAIN_AUTHORIZED_SSH_KEYS_GET, { dom: target, user, flags }, options)).keys;
  },
  /** Flags: APPEND 1, REMOVE 2. */
  async domainAuthorizedSshKeysSet(this: LibvirtConnectionCore, target: Domain, user: string, keys: readonly string[], flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_AUTHORIZED_SSH_KEYS_SET, { dom: target, user, keys: [...keys], flags }, options);
  },
  /** A raw guest-agent JSON command (qemu program). Prefer the typed calls; libvirt marks the domain tainted. */
  async qemuDomainAgentCommand(this: LibvirtConnectionCore, target: Domain, command: string, timeout: number = AgentTimeout.DEFAULT, flags = 0, options?: CallOptions): Promise<string | null> {
    return (await this.call(QEMU_DOMAIN_AGENT_COMMAND, { dom: target, cmd: command, timeout, flags }, options)).result;
  },
  /** A raw QEMU monitor command (QMP JSON, or HMP with flag 1). */
  async qemuDomainMonitorCommand(this: LibvirtConnectionCore, target: Domain, command: string, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(QEMU_DOMAIN_MONITOR_COMMAND, { dom: target, cmd: command, flags }, options)).result;
  },
};
