/**
 * @kvmkit/domain-manager — the libvirt-backed implementation of core's DomainManager contract:
 * sync VMIs to domains, lifecycle, events to VMI status, the guest agent, hotplug.
 * Register `LibvirtDomainManager` under core's `DOMAIN_MANAGER_TOKEN`, `createHostContextProvider`
 * under `CONTEXT_PROVIDER_TOKEN` and `LibvirtHostOperations` under `HOST_OPERATIONS_TOKEN`.
 */
export { LibvirtDomainManager } from './manager/libvirt-domain-manager.ts';
export type { LibvirtDomainManagerOptions } from './manager/manager-options.ts';
export { createHostContextProvider, type HostContextOptions, type VirtTypeDecision } from './context/host-context-provider.ts';
export { parseHostCapabilities, type FirmwareDescriptorFacts } from './context/parse-host-capabilities.ts';
export { readFirmwareDescriptors, FIRMWARE_DESCRIPTOR_DIRECTORIES } from './context/firmware-descriptors.ts';
export { LibvirtHostOperations, type LibvirtHostOperationsOptions } from './host/libvirt-host-operations.ts';
export { confinePath } from './host/confine-path.ts';
export { GuestAgent } from './agent/guest-agent.ts';
export { waitForGuestAgent } from './agent/wait-for-guest-agent.ts';
export { AgentInfoPoller, DEFAULT_AGENT_POLL_INTERVALS, type AgentPollIntervals, type GuestInfoSnapshot } from './agent/agent-info-poller.ts';
export { KeyedMutex } from './lock/keyed-mutex.ts';
export { nameState, phaseFor, pausedCondition, isUserPause, type NamedState } from './status/domain-phase.ts';
export { stampDomain, readStamp, XML_FINGERPRINT_PREFIX } from './sync/fingerprint.ts';
export { prepareVmi } from './sync/prepare-vmi.ts';
export { releaseVmi } from './sync/release-vmi.ts';
export { DOMAIN_MANAGER_ERROR_CODES, domainManagerError, type DomainManagerErrorCode } from './errors/domain-manager-errors.ts';
export type { BackupProgress, LibvirtBackupOptions } from './backup/backup-options.ts';
export { backupPlan } from './backup/backup-plan.ts';
export { backupXml, checkpointXml, type BackupDiskPlan } from './backup/backup-xml.ts';
export type { HostDeviceResources, HostDeviceSource, PciHostDevice, UsbHostDevice } from './hotplug/host-device-resources.ts';
export { hostDeviceAlias, hostdevFor } from './hotplug/host-device-xml.ts';
export { DIRTY_RATE_PERIOD_SECONDS } from './stats/dirty-rate.ts';
