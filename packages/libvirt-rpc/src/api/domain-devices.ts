import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, type Domain } from '../protocol/remote-types.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

const domXmlFlags = xdr.struct({ dom: domain, xml: nonnullString, flags: xdr.uint });
export const DOMAIN_ATTACH_DEVICE_FLAGS = defineProcedure({ name: 'DOMAIN_ATTACH_DEVICE_FLAGS', number: 160, args: domXmlFlags });
export const DOMAIN_DETACH_DEVICE_FLAGS = defineProcedure({ name: 'DOMAIN_DETACH_DEVICE_FLAGS', number: 161, args: domXmlFlags });
export const DOMAIN_DETACH_DEVICE_ALIAS = defineProcedure({ name: 'DOMAIN_DETACH_DEVICE_ALIAS', number: 392, args: xdr.struct({ dom: domain, alias: nonnullString, flags: xdr.uint }) });
export const DOMAIN_UPDATE_DEVICE_FLAGS = defineProcedure({ name: 'DOMAIN_UPDATE_DEVICE_FLAGS', number: 174, args: domXmlFlags });
export const DOMAIN_SET_VCPUS_FLAGS = defineProcedure({ name: 'DOMAIN_SET_VCPUS_FLAGS', number: 199, args: xdr.struct({ dom: domain, nvcpus: xdr.uint, flags: xdr.uint }) });
export const DOMAIN_GET_VCPUS_FLAGS = defineProcedure({ name: 'DOMAIN_GET_VCPUS_FLAGS', number: 200, args: xdr.struct({ dom: domain, flags: xdr.uint }), ret: xdr.struct({ num: xdr.int }) });
export const DOMAIN_SET_MEMORY_FLAGS = defineProcedure({ name: 'DOMAIN_SET_MEMORY_FLAGS', number: 204, args: xdr.struct({ dom: domain, memory: xdr.uhyper, flags: xdr.uint }) });
export const DOMAIN_SEND_KEY = defineProcedure({
  name: 'DOMAIN_SEND_KEY', number: 226, args: xdr.struct({ dom: domain, codeset: xdr.uint, holdtime: xdr.uint, keycodes: xdr.array(xdr.uint, 16), flags: xdr.uint }),
});

/** `VIR_DOMAIN_AFFECT_*` / `VIR_DOMAIN_DEVICE_MODIFY_*`. */
export const DeviceModify = { CURRENT: 0, LIVE: 1, CONFIG: 2, FORCE: 4 } as const;
/** `VIR_DOMAIN_VCPU_*`. */
export const VcpuFlags = { CURRENT: 0, LIVE: 1, CONFIG: 2, MAXIMUM: 4, GUEST: 8, HOTPLUGGABLE: 16 } as const;

/** Device hot-plug and resource changes. */
export const domainDeviceMethods = {
  /** Flags: see `DeviceModify`. A live detach completes with a deviceRemoved (or deviceRemovalFailed) event. */
  async domainAttachDeviceFlags(this: LibvirtConnectionCore, target: Domain, xml: string, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_ATTACH_DEVICE_FLAGS, { dom: target, xml, flags }, options);
  },
  async domainDetachDeviceFlags(this: LibvirtConnectionCore, target: Domain, xml: string, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_DETACH_DEVICE_FLAGS, { dom: target, xml, flags }, options);
  },
  async domainDetachDeviceAlias(this: LibvirtConnectionCore, target: Domain, alias: string, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_DETACH_DEVICE_ALIAS, { dom: target, alias, flags }, options);
  },
  async domainUpdateDeviceFlags(this: LibvirtConnectionCore, target: Domain, xml: string, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_UPDATE_DEVICE_FLAGS, { dom: target, xml, flags }, options);
  },
  /** Flags: see `VcpuFlags`. */
  async domainSetVcpusFlags(this: LibvirtConnectionCore, target: Domain, count: number, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_VCPUS_FLAGS, { dom: target, nvcpus: count, flags }, options);
  },
  async domainGetVcpusFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<number> {
    return (await this.call(DOMAIN_GET_VCPUS_FLAGS, { dom: target, flags }, options)).num;
  },
  /** Memory in KiB. Flags: LIVE 1, CONFIG 2, MAXIMUM 4. */
  async domainSetMemoryFlags(this: LibvirtConnectionCore, target: Domain, memoryKiB: bigint, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_MEMORY_FLAGS, { dom: target, memory: memoryKiB, flags }, options);
  },
  /** Sends key codes of a `VIR_KEYCODE_SET_*` code set, held for `holdMs`. */
  async domainSendKey(this: LibvirtConnectionCore, target: Domain, codeset: number, holdMs: number, keycodes: readonly number[], flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SEND_KEY, { dom: target, codeset, holdtime: holdMs, keycodes: [...keycodes], flags }, options);
  },
};
