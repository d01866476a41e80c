import type { DomainStatus, GuestInterface } from '@kvmkit/core';
import type { VirtualMachineInstance } from '@kvmkit/vmi';

/** What `get` knows about one VMI beyond its manager status. */
export interface VmiObservation {
  status: DomainStatus;
  /** The VMI as last synced, from the domain's metadata; absent for domains kvmkit adopted without it. */
  manifest: VirtualMachineInstance | undefined;
  interfaces: readonly GuestInterface[];
  vcpus: number | undefined;
  memoryMiB: bigint | undefined;
  agentConnected: boolean;
}

/**
 * The VMI as KubeVirt users read it (`kubectl get vmi -o yaml`): the object as synced, with a
 * `status` in KubeVirt's shape (phase, conditions, interfaces, current memory, guest agent), plus
 * kvmkit's view of the libvirt domain under `status.kvmkit`.
 */
export function vmiWithStatus(observation: VmiObservation): Record<string, unknown> {
  const { status, manifest } = observation;
  const [namespace, name] = status.vmi.split('/');
  const base = manifest ?? { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { namespace, name } };
  const interfaces = observation.interfaces
    .filter((entry) => entry.name !== 'lo')
    .map((entry) => {
      const ipAddresses = entry.addresses.map((address) => address.address);
      return { interfaceName: entry.name, ...(entry.mac === undefined ? {} : { mac: entry.mac }), ...(ipAddresses[0] === undefined ? {} : { ipAddress: ipAddresses[0] }), ipAddresses };
    });
  return {
    ...base,
    status: {
      phase: status.phase,
      conditions: status.conditions,
      ...(interfaces.length === 0 ? {} : { interfaces }),
      ...(observation.memoryMiB === undefined ? {} : { memory: { guestCurrent: `${String(observation.memoryMiB)}Mi` } }),
      guestAgent: observation.agentConnected ? 'connected' : 'not connected',
      kvmkit: {
        domain: status.domainName,
        uuid: status.uuid,
        state: status.state,
        reason: status.reason,
        ...(observation.vcpus === undefined ? {} : { vcpus: observation.vcpus }),
        ...(status.createdAt === undefined ? {} : { createdAt: status.createdAt }),
      },
    },
  };
}
