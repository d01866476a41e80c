import { PluginContexts, type Converter, type ConverterContext, type HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';

/**
 * The host-side steps before define (virt-launcher's volume preparation): every plugin's
 * `prepare`, every VMI volume's source `prepare` (on the resolved volume), every interface
 * binding's `prepare`. They run in registration order; each must be idempotent. Volume sources
 * and bindings come from core's provider-bound lookups, the same path conversion uses: each runs
 * with its own plugin's options and the VMI, its warnings attributed to that plugin.
 */
export async function prepareVmi(vmi: VirtualMachineInstance, converter: Converter, context: ConverterContext, host: HostOperations): Promise<VmiProblem[]> {
  const warnings: VmiProblem[] = [];
  const contexts = new PluginContexts(converter.registry, context, vmi, warnings);
  for (const { manifest } of converter.registry.plugins) {
    if (manifest.prepare !== undefined) await manifest.prepare(vmi, host, contexts.of(manifest.name));
  }
  const { volumeSources, networkBindings } = contexts;
  for (const volume of vmi.spec.volumes ?? []) {
    for (const kind of volumeSources.keys()) {
      if (!(kind in volume)) continue;
      const source = volumeSources.get(kind);
      if (source?.prepare === undefined) continue;
      await source.prepare(volume, source.resolve(volume), host);
    }
  }
  for (const vmiInterface of vmi.spec.domain.devices.interfaces ?? []) {
    // KubeVirt's hot-unplug marker: the interface is going away and gets no device, so no set-up.
    if (vmiInterface.state === 'absent') continue;
    const network = (vmi.spec.networks ?? []).find((candidate) => candidate.name === vmiInterface.name);
    if (network === undefined) continue;
    const named = (vmiInterface as { binding?: { name?: string } }).binding?.name;
    const bindingName = named ?? networkBindings.keys().find((name) => name in vmiInterface);
    if (bindingName === undefined) continue;
    await networkBindings.get(bindingName)?.prepare?.(vmiInterface, network, host);
  }
  return warnings;
}
