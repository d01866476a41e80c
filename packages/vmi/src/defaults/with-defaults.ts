import type { Devices, DomainSpec, VirtualMachineInstance } from '../types.ts';
import { ARCHITECTURE_DEFAULTS, architectureOf } from './architecture-defaults.ts';
import { defaultCpuRequest, defaultCpuTopology } from './cpu-defaults.ts';
import type { DefaultsOptions } from './defaults-options.ts';
import {
  defaultDisk,
  defaultDisksForVolumes,
  defaultInputs,
  defaultInterfaceModels,
  defaultWatchdog,
} from './device-defaults.ts';
import { defaultFeatures } from './feature-defaults.ts';
import { firmwareUuidForName } from './firmware-uuid.ts';
import { defaultGuestMemory } from './memory-defaults.ts';
import { defaultPodNetwork } from './network-defaults.ts';
import { defaultContainerDiskPullPolicy, defaultProbe, defaultTerminationGracePeriod } from './spec-defaults.ts';

/**
 * Returns a new VMI with KubeVirt's defaults filled in, in the order its mutating webhook applies
 * them, plus the few that virt-launcher applies when it builds the domain. The input is never
 * changed. Every default is listed, with its KubeVirt source, in this package's README.
 */
export function withDefaults(vmi: VirtualMachineInstance, options: DefaultsOptions = {}): VirtualMachineInstance {
  const result = structuredClone(vmi);
  // A manifest can omit what the generated types call required; build those containers here.
  const spec = (result.spec as Partial<VirtualMachineInstance['spec']> | undefined) ?? {};
  const domain = ((spec as { domain?: Partial<DomainSpec> }).domain ??= {});
  const devices: Devices = (domain.devices ??= {});
  const fullSpec = spec as VirtualMachineInstance['spec'];
  const fullDomain = domain as DomainSpec;
  result.spec = fullSpec;

  const architectureName = architectureOf(spec.architecture, options.architecture ?? 'amd64');
  const architecture = ARCHITECTURE_DEFAULTS[architectureName];
  spec.architecture ||= architectureName;

  const machine = (domain.machine ??= {});
  if (!machine.type) machine.type = options.machineType ?? architecture.machineType;

  defaultCpuRequest(fullDomain);
  defaultGuestMemory(fullDomain);
  defaultCpuTopology(fullDomain, options.cpuModel ?? architecture.cpuModel);
  defaultContainerDiskPullPolicy(fullSpec);
  defaultPodNetwork(fullSpec, devices, options.defaultNetworkInterface ?? 'masquerade');
  defaultDisksForVolumes(fullSpec, devices);

  const firmware = (domain.firmware ??= {});
  const name = result.metadata?.name;
  if (!firmware.uuid && name) firmware.uuid = firmwareUuidForName(name);
  if (architectureName === 'arm64') {
    const bootloader = (firmware.bootloader ??= { efi: {} });
    if (bootloader.efi) bootloader.efi.secureBoot ??= false;
  }

  defaultFeatures(fullDomain, architecture);
  for (const disk of devices.disks ?? []) defaultDisk(disk, architecture);
  defaultInputs(devices);
  defaultWatchdog(devices, architecture);
  defaultInterfaceModels(devices);
  defaultProbe(spec.readinessProbe);
  defaultProbe(spec.livenessProbe);
  defaultTerminationGracePeriod(fullSpec);
  return result;
}
