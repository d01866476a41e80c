import type { FirmwareImage } from '@kvmkit/core';
import type { Os } from '@kvmkit/domain-xml';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import type { BaseConfigurator, BaseContext } from '../base-configurator.ts';
import { confinedPath } from '../paths/confined-path.ts';
import { statePaths } from '../paths/state-paths.ts';
import { resolveImageDirectory } from '../images/image-resolver.ts';
import { libvirtArchitecture } from './architecture.ts';

const RULE = 'base:os';
const DEFAULT_MACHINE: Record<string, string> = { x86_64: 'q35', aarch64: 'virt', s390x: 's390-ccw-virtio', ppc64le: 'pseries' };

/** KubeVirt's rule: EFI without `secureBoot: false` boots securely. */
export function wantsSecureBoot(vmi: VirtualMachineInstance): boolean {
  const efi = vmi.spec.domain.firmware?.bootloader?.efi;
  return efi !== undefined && efi.secureBoot !== false;
}

function pickFirmware(images: readonly FirmwareImage[], secureBoot: boolean): FirmwareImage | undefined {
  return images.find((image) => image.secureBoot === secureBoot && image.varsTemplate !== undefined);
}

function configureEfi(vmi: VirtualMachineInstance, os: Os, context: BaseContext): void {
  const efi = vmi.spec.domain.firmware?.bootloader?.efi;
  if (efi === undefined) return;
  const secureBoot = wantsSecureBoot(vmi);
  const image = pickFirmware(context.host.efiFirmware, secureBoot);
  const varsPath = efi.persistent === true ? statePaths.persistentEfiVars(context.directories) : statePaths.efiVars(context.directories);
  if (image === undefined) {
    // The host listed no matching OVMF pair: let libvirt pick one by its firmware descriptors.
    os.firmware = 'efi';
    os.firmwareFeatures = { features: [{ enabled: secureBoot, name: 'enrolled-keys' }, { enabled: secureBoot, name: 'secure-boot' }] };
    os.nvram = { value: varsPath };
    context.warn('spec.domain.firmware.bootloader.efi', 'the converter context lists no matching EFI firmware; libvirt chooses one');
    return;
  }
  os.loader = { value: image.code, readonly: true, secure: secureBoot, type: 'pflash' };
  os.nvram = { value: varsPath, ...(image.varsTemplate === undefined ? {} : { template: image.varsTemplate }) };
}

function configureKernelBoot(vmi: VirtualMachineInstance, os: Os, context: BaseContext): void {
  const kernelBoot = vmi.spec.domain.firmware?.kernelBoot;
  const container = kernelBoot?.container;
  if (container === undefined) return;
  const path = 'spec.domain.firmware.kernelBoot.container';
  const root = resolveImageDirectory(container.image, context.options);
  if (root === undefined) throw new Error(`${path}.image: no image resolver knows '${container.image}' (set the base plugin's imageDirectory or images option)`);
  if (container.kernelPath !== undefined) os.kernel = confinedPath(root, container.kernelPath, `${path}.kernelPath`);
  if (container.initrdPath !== undefined) os.initrd = confinedPath(root, container.initrdPath, `${path}.initrdPath`);
  if (kernelBoot?.kernelArgs !== undefined && kernelBoot.kernelArgs !== '') os.cmdline = kernelBoot.kernelArgs;
}

/** Admission rules for the firmware fields (KubeVirt's webhook facts, kvmkit's words). */
export function validateFirmware(vmi: VirtualMachineInstance): VmiProblem[] {
  const problems: VmiProblem[] = [];
  const firmware = vmi.spec.domain.firmware;
  const problem = (path: string, reason: string): void => { problems.push({ path, reason, severity: 'error', rule: RULE }); };
  if (firmware?.bootloader?.bios !== undefined && firmware.bootloader.efi !== undefined) {
    problem('spec.domain.firmware.bootloader', 'give either bios or efi, not both');
  }
  if (wantsSecureBoot(vmi) && vmi.spec.domain.features?.smm?.enabled !== true) {
    problem('spec.domain.firmware.bootloader.efi.secureBoot', 'EFI secure boot needs SMM: set spec.domain.features.smm.enabled to true, or secureBoot to false');
  }
  const kernelBoot = firmware?.kernelBoot;
  if (kernelBoot !== undefined) {
    if (kernelBoot.kernelArgs !== undefined && kernelBoot.kernelArgs !== '' && kernelBoot.container === undefined) {
      problem('spec.domain.firmware.kernelBoot.kernelArgs', 'kernel arguments need a kernel: set kernelBoot.container');
    }
    const container = kernelBoot.container;
    if (container !== undefined) {
      if (container.kernelPath === undefined && container.initrdPath === undefined) {
        problem('spec.domain.firmware.kernelBoot.container', 'give kernelPath, initrdPath or both');
      }
      for (const field of ['kernelPath', 'initrdPath'] as const) {
        const value = container[field];
        if (value !== undefined && value.split('/').includes('..')) problem(`spec.domain.firmware.kernelBoot.container.${field}`, `'${value}' contains '..', which is not allowed`);
      }
    }
  }
  return problems;
}

/**
 * Machine, firmware and boot. Reads `spec.architecture`, `spec.domain.machine.type`,
 * `spec.domain.firmware.{bootloader,kernelBoot,acpi}`; writes `<os>`: `<type arch machine>hvm`,
 * `<loader>`/`<nvram>` (EFI, from `context.host.efiFirmware`), `<bios useserial>`, `<kernel>`,
 * `<initrd>`, `<cmdline>`, `<acpi><table>`. Per-device boot order is written by the disk (and
 * network) configurators; libvirt forbids mixing it with `<os><boot>`, so none is written here.
 */
export const osFirmwareConfigurator: BaseConfigurator = {
  specificationVersion: 'v1',
  name: 'base:os',
  phase: 'pre',
  validate: (vmi) => validateFirmware(vmi),
  configure(vmi, domain, context) {
    const arch = libvirtArchitecture(vmi, context.architecture);
    const machine = vmi.spec.domain.machine?.type ?? DEFAULT_MACHINE[arch] ?? 'q35';
    const os: Os = { type: { value: 'hvm', arch, machine } };
    const bios = vmi.spec.domain.firmware?.bootloader?.bios;
    if (bios?.useSerial === true) os.bios = { useserial: true };
    configureEfi(vmi, os, context);
    configureKernelBoot(vmi, os, context);
    const acpi = vmi.spec.domain.firmware?.acpi;
    const tables = [
      ...(acpi?.slicNameRef === undefined ? [] : [{ type: 'slic', value: `${context.directories.state}/acpi-slic.bin` }]),
      ...(acpi?.msdmNameRef === undefined ? [] : [{ type: 'msdm', value: `${context.directories.state}/acpi-msdm.bin` }]),
    ];
    if (tables.length > 0) os.acpi = { tables };
    domain.os = { ...domain.os, ...os };
  },
};
