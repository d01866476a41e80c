import type { Disk } from '@kvmkit/domain-xml';
import type { EventWaiter } from '../events/domain-event-waiters.ts';
import type { DomainOperationDependencies } from '../manager/domain-access.ts';
import { attachDisk, detachDisk } from './disk-hotplug.ts';
import { hotplugHostDevice } from './host-device-hotplug.ts';
import type { HostDeviceResources } from './host-device-resources.ts';
import { resizeVirtioMem } from './memory-hotplug.ts';
import { setLiveVcpus } from './vcpu-hotplug.ts';

export interface DomainHotplugDependencies extends DomainOperationDependencies {
  readonly waitForEvent: EventWaiter;
  /** How long hotplug waits for the guest to confirm (device removed, memory resized). */
  readonly timeoutMs: number;
  readonly hostDeviceResources: HostDeviceResources | undefined;
}

/** Each hotplug under the domain's lock, with the event waiting the guest's confirmation needs. */
export class DomainHotplug {
  readonly #dependencies: DomainHotplugDependencies;

  constructor(dependencies: DomainHotplugDependencies) {
    this.#dependencies = dependencies;
  }

  vcpus(vmi: string, count: number): Promise<void> {
    const { connection, access } = this.#dependencies;
    return access.withDomain(vmi, 'vCPU hotplug', (domain) => setLiveVcpus(connection, domain, vmi, count));
  }

  memory(vmi: string, guestMemoryBytes: bigint): Promise<void> {
    const { connection, access, waitForEvent, timeoutMs } = this.#dependencies;
    return access.withDomain(vmi, 'memory hotplug', (domain) => resizeVirtioMem({ connection, domain, vmi, guestMemoryBytes, waitForEvent, timeoutMs }));
  }

  attachDisk(vmi: string, disk: Disk): Promise<void> {
    const { connection, access } = this.#dependencies;
    return access.withDomain(vmi, 'disk attach', (domain) => attachDisk(connection, domain, disk));
  }

  detachDisk(vmi: string, targetDev: string): Promise<void> {
    const { connection, access, waitForEvent, timeoutMs } = this.#dependencies;
    return access.withDomain(vmi, 'disk detach', (domain) => detachDisk({ connection, domain, vmi, targetDev, waitForEvent, timeoutMs }));
  }

  hostDevice(vmi: string, name: string, attach: boolean): Promise<void> {
    const { connection, access, waitForEvent, timeoutMs, hostDeviceResources } = this.#dependencies;
    return access.withDomain(vmi, 'host device hotplug', (domain) => hotplugHostDevice({
      connection, domain, vmi, name, attach, resources: hostDeviceResources, waitForEvent, timeoutMs,
    }));
  }
}
