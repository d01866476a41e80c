import type { VirtualMachineInstance } from '@kvmkit/vmi';
import type { ConfigureContext } from '../configurator/v1/configurator.ts';

/**
 * What a volume source's or network binding's methods receive: the context of the plugin that
 * PROVIDES the extension (its `options`, its name as `plugin`, `warn` attributed to it), whichever
 * plugin's configurator or host step called it, plus the VMI being converted or prepared.
 */
export interface ExtensionContext<Options = unknown> extends ConfigureContext<Options> {
  /** The whole VMI (defaulted), for extensions that look past their own interface or volume. */
  readonly vmi: VirtualMachineInstance;
}
