import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, nonnullString, type Domain } from '../protocol/remote-types.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

const dom = xdr.struct({ dom: domain });
const domFlags = xdr.struct({ dom: domain, flags: xdr.uint });
const domainRet = xdr.struct({ dom: domain });

export const DOMAIN_DEFINE_XML = defineProcedure({ name: 'DOMAIN_DEFINE_XML', number: 11, args: xdr.struct({ xml: nonnullString }), ret: domainRet, highPriority: true });
export const DOMAIN_DEFINE_XML_FLAGS = defineProcedure({ name: 'DOMAIN_DEFINE_XML_FLAGS', number: 350, args: xdr.struct({ xml: nonnullString, flags: xdr.uint }), ret: domainRet, highPriority: true });
export const DOMAIN_CREATE_XML = defineProcedure({ name: 'DOMAIN_CREATE_XML', number: 10, args: xdr.struct({ xml_desc: nonnullString, flags: xdr.uint }), ret: domainRet });
export const DOMAIN_CREATE = defineProcedure({ name: 'DOMAIN_CREATE', number: 9, args: dom });
export const DOMAIN_CREATE_WITH_FLAGS = defineProcedure({ name: 'DOMAIN_CREATE_WITH_FLAGS', number: 196, args: domFlags, ret: domainRet });
export const DOMAIN_SUSPEND = defineProcedure({ name: 'DOMAIN_SUSPEND', number: 34, args: dom });
export const DOMAIN_RESUME = defineProcedure({ name: 'DOMAIN_RESUME', number: 28, args: dom });
export const DOMAIN_SHUTDOWN = defineProcedure({ name: 'DOMAIN_SHUTDOWN', number: 33, args: dom });
export const DOMAIN_SHUTDOWN_FLAGS = defineProcedure({ name: 'DOMAIN_SHUTDOWN_FLAGS', number: 258, args: domFlags });
export const DOMAIN_REBOOT = defineProcedure({ name: 'DOMAIN_REBOOT', number: 27, args: domFlags });
export const DOMAIN_RESET = defineProcedure({ name: 'DOMAIN_RESET', number: 245, args: domFlags });
export const DOMAIN_DESTROY = defineProcedure({ name: 'DOMAIN_DESTROY', number: 12, args: dom, highPriority: true });
export const DOMAIN_DESTROY_FLAGS = defineProcedure({ name: 'DOMAIN_DESTROY_FLAGS', number: 234, args: domFlags, highPriority: true });
export const DOMAIN_UNDEFINE = defineProcedure({ name: 'DOMAIN_UNDEFINE', number: 35, args: dom, highPriority: true });
export const DOMAIN_UNDEFINE_FLAGS = defineProcedure({ name: 'DOMAIN_UNDEFINE_FLAGS', number: 231, args: domFlags, highPriority: true });
export const DOMAIN_SET_AUTOSTART = defineProcedure({ name: 'DOMAIN_SET_AUTOSTART', number: 29, args: xdr.struct({ dom: domain, autostart: xdr.int }) });
export const DOMAIN_GET_AUTOSTART = defineProcedure({ name: 'DOMAIN_GET_AUTOSTART', number: 15, args: dom, ret: xdr.struct({ autostart: xdr.int }) });

/** Defining, starting, pausing, stopping and removing domains. */
export const domainLifecycleMethods = {
  async domainDefineXml(this: LibvirtConnectionCore, xml: string, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_DEFINE_XML, { xml }, options)).dom;
  },
  /** Flags: VALIDATE 1. */
  async domainDefineXmlFlags(this: LibvirtConnectionCore, xml: string, flags: number, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_DEFINE_XML_FLAGS, { xml, flags }, options)).dom;
  },
  /** Starts a transient domain. */
  async domainCreateXml(this: LibvirtConnectionCore, xml: string, flags = 0, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_CREATE_XML, { xml_desc: xml, flags }, options)).dom;
  },
  /** Starts a defined domain. */
  async domainCreate(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_CREATE, { dom: target }, options);
  },
  /** Starts a defined domain; returns it with its new id. Flags: PAUSED 1, AUTODESTROY 2, BYPASS_CACHE 4, FORCE_BOOT 8, VALIDATE 16, RESET_NVRAM 32. */
  async domainCreateWithFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<Domain> {
    return (await this.call(DOMAIN_CREATE_WITH_FLAGS, { dom: target, flags }, options)).dom;
  },
  async domainSuspend(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SUSPEND, { dom: target }, options);
  },
  async domainResume(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_RESUME, { dom: target }, options);
  },
  async domainShutdown(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SHUTDOWN, { dom: target }, options);
  },
  /** Flags: ACPI 1, GUEST_AGENT 2, INITCTL 4, SIGNAL 8, PARAVIRT 16. */
  async domainShutdownFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SHUTDOWN_FLAGS, { dom: target, flags }, options);
  },
  async domainReboot(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_REBOOT, { dom: target, flags }, options);
  },
  async domainReset(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_RESET, { dom: target, flags }, options);
  },
  async domainDestroy(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_DESTROY, { dom: target }, options);
  },
  /** Flags: GRACEFUL 1, REMOVE_LOGS 2. */
  async domainDestroyFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_DESTROY_FLAGS, { dom: target, flags }, options);
  },
  async domainUndefine(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_UNDEFINE, { dom: target }, options);
  },
  /** Flags: MANAGED_SAVE 1, SNAPSHOTS_METADATA 2, NVRAM 4, KEEP_NVRAM 8, CHECKPOINTS_METADATA 16, TPM 32, KEEP_TPM 64. */
  async domainUndefineFlags(this: LibvirtConnectionCore, target: Domain, flags: number, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_UNDEFINE_FLAGS, { dom: target, flags }, options);
  },
  async domainSetAutostart(this: LibvirtConnectionCore, target: Domain, autostart: boolean, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SET_AUTOSTART, { dom: target, autostart: autostart ? 1 : 0 }, options);
  },
  async domainGetAutostart(this: LibvirtConnectionCore, target: Domain, options?: CallOptions): Promise<boolean> {
    return (await this.call(DOMAIN_GET_AUTOSTART, { dom: target }, options)).autostart !== 0;
  },
};
