import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** KubeVirt's annotation carrying the TDX Quote Generation Service socket (`v1.QGSSocketPathAnnotation`). */
export const QGS_SOCKET_ANNOTATION = 'kubevirt.io/qgs-socket-path';

/** The QGS socket for a TDX VMI: its annotation, else the plugin option, else none (libvirt's default). */
export function quoteGenerationServiceSocket(vmi: VirtualMachineInstance, optionSocket: string | undefined): string | undefined {
  return vmi.metadata?.annotations?.[QGS_SOCKET_ANNOTATION] ?? optionSocket;
}
