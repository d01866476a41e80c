import { PluginContexts, type Converter, type ConverterContext, type HostOperations } from '@kvmkit/core';
import type { VirtualMachineInstance, VmiProblem } from '@kvmkit/vmi';

/**
 * The host-side clean-up when a VMI is deleted: every plugin's `release`, in reverse registration
 * order (the reverse of `prepareVmi`). One plugin failing does not keep the others from cleaning
 * up; the failures are reported together afterwards, each naming its plugin.
 */
export async function releaseVmi(vmi: VirtualMachineInstance, converter: Converter, context: ConverterContext, host: HostOperations): Promise<VmiProblem[]> {
  const warnings: VmiProblem[] = [];
  const failures: Error[] = [];
  const contexts = new PluginContexts(converter.registry, context, vmi, warnings);
  for (const { manifest } of [...converter.registry.plugins].reverse()) {
    if (manifest.release === undefined) continue;
    try {
      await manifest.release(vmi, host, contexts.of(manifest.name));
    } catch (error) {
      failures.push(new Error(`plugin '${manifest.name}' release: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
    }
  }
  if (failures.length === 1 && failures[0] !== undefined) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, failures.map((failure) => failure.message).join('; '));
  return warnings;
}
