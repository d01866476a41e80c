import type { ConverterContext } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** The virtio model devices use: `virtio-transitional` when the VMI asks (old guests), else the context's. */
export function virtioModelFor(vmi: VirtualMachineInstance, context: ConverterContext): ConverterContext['virtioModel'] {
  return vmi.spec.domain.devices.useVirtioTransitional === true ? 'virtio-transitional' : context.virtioModel;
}
