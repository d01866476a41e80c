import type { Extensible } from '../xml/xml-node.ts';

/** The XML namespace of libvirt's QEMU extensions, bound to the `qemu:` prefix. */
export const QEMU_NAMESPACE = 'http://libvirt.org/schemas/domain/qemu/1.0';

/** `<qemu:arg value/>`. */
export interface QemuArg extends Extensible {
  value: string;
}

/** `<qemu:env name value/>`. */
export interface QemuEnv extends Extensible {
  name: string;
  value?: string;
}

/** `<qemu:commandline>`: extra QEMU arguments and environment. */
export interface QemuCommandline extends Extensible {
  args?: QemuArg[];
  envs?: QemuEnv[];
}

/** `<qemu:add capability/>` / `<qemu:del capability/>`. */
export interface QemuCapability extends Extensible {
  capability: string;
}

/** `<qemu:capabilities>`. */
export interface QemuCapabilities extends Extensible {
  adds?: QemuCapability[];
  dels?: QemuCapability[];
}
