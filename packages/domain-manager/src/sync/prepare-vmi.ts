import type { Converter, ConverterContext, HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';
import { pluginContext } from './plugin-context.ts';

/**
 * The host-side steps before define (virt-launcher's volume preparation): every plugin's
 * `prepare`, every VMI volume's source `prepare` (on the resolved volume), every interface
 * binding's `prepare`. They run in registration order; each must be idempotent.
 */
export async function prepareVmi(vmi: VirtualMachineInstance, converter: Converter, context: ConverterContext, host: HostOperations): Promise<VmiProblem[]> {
  const warnings: VmiProblem[] = [];
  const { registry } = converter;
  for (const { manifest } of registry.plugins) {
    if (manifest.prepare !== undefined) await manifest.prepare(vmi, host, pluginContext(converter, manifest.name, context, warnings));
  }
  for (const volume of vmi.spec.volumes ?? []) {
    for (const kind of registry.volumeSources.keys()) {
      if (!(kind in volume)) continue;
      const source = registry.volumeSources.get(kind);
      const plugin = registry.volumeSources.pluginOf(kind);
      if (source?.prepare === undefined || plugin === undefined) continue;
      const volumeContext = pluginContext(converter, plugin, context, warnings);
      await source.prepare(volume, source.resolve(volume, volumeContext), host, volumeContext);
    }
  }
  for (const vmiInterface of vmi.spec.domain.devices.interfaces ?? []) {
    const network = (vmi.spec.networks ?? []).find((candidate) => candidate.name === vmiInterface.name);
    if (network === undefined) continue;
    const named = (vmiInterface as { binding?: { name?: string } }).binding?.name;
    const bindingName = named ?? registry.networkBindings.keys().find((name) => name in vmiInterface);
    if (bindingName === undefined) continue;
    const binding = registry.networkBindings.get(bindingName);
    const plugin = registry.networkBindings.pluginOf(bindingName);
    if (binding?.prepare === undefined || plugin === undefined) continue;
    await binding.prepare(vmiInterface, network, host, pluginContext(converter, plugin, context, warnings));
  }
  return warnings;
}
