import type { QemuArg, QemuCapabilities, QemuCapability, QemuCommandline, QemuEnv } from '../model/qemu.ts';
import { defineElement, list } from '../xml/element-spec.ts';
import { stringAttribute } from './fields.ts';

export const qemuCommandlineSpec = defineElement<QemuCommandline>({
  args: list('qemu:arg', defineElement<QemuArg>({ value: stringAttribute('value') })),
  envs: list('qemu:env', defineElement<QemuEnv>({ name: stringAttribute('name'), value: stringAttribute('value') })),
});

const capabilitySpec = defineElement<QemuCapability>({ capability: stringAttribute('capability') });

export const qemuCapabilitiesSpec = defineElement<QemuCapabilities>({ adds: list('qemu:add', capabilitySpec), dels: list('qemu:del', capabilitySpec) });
