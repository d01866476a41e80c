// Test-only: a minimal VMI around the given interfaces and networks.
import type { Interface, Network, VirtualMachineInstance } from '@kvmkit/vmi';

export function vmiWithInterfaces(interfaces: Interface[], networks: Network[], extra: { multiqueue?: boolean; sockets?: number } = {}): VirtualMachineInstance {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { name: 'guest', namespace: 'lab' },
    spec: {
      domain: {
        memory: { guest: '256Mi' },
        ...(extra.sockets === undefined ? {} : { cpu: { sockets: extra.sockets } }),
        devices: { interfaces, ...(extra.multiqueue === undefined ? {} : { networkInterfaceMultiqueue: extra.multiqueue }) },
      },
      networks,
    },
  };
}
