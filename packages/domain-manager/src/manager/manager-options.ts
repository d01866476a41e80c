import type { Converter, ConverterContext, DeleteOptions, HostOperations } from '@kvmkit/core';
import type { LibvirtConnection } from '@kvmkit/libvirt-rpc';
import type { AgentPollIntervals } from '../agent/agent-info-poller.ts';
import type { HostDeviceResources } from '../hotplug/host-device-resources.ts';

export interface LibvirtDomainManagerOptions {
  /** The libvirt connection (core's `LIBVIRT_CONNECTION_TOKEN`); open it with `reconnect` on. */
  readonly connection: LibvirtConnection;
  /** Core's `CONVERTER_TOKEN`. */
  readonly converter: Converter;
  /** Core's `CONTEXT_PROVIDER_TOKEN`, e.g. `createHostContextProvider(…)`. */
  readonly contextProvider: () => Promise<ConverterContext>;
  /** Core's `HOST_OPERATIONS_TOKEN`; default `LibvirtHostOperations` on the context's directories. */
  readonly hostOperations?: HostOperations;
  /** Timeout of each guest-agent command. Default 10 s. */
  readonly agentTimeoutSeconds?: number;
  /** Guest info poll intervals; `false` turns the poller off. */
  readonly agentPolling?: Partial<AgentPollIntervals> | false;
  /** What `delete` removes when the caller does not say. Default: NVRAM and TPM state. */
  readonly deleteDefaults?: DeleteOptions;
  /** How long hotplug waits for the guest to confirm (device removed, memory resized). Default 60 s. */
  readonly hotplugTimeoutMs?: number;
  /**
   * The host devices behind each resource name of a VMI's `hostDevices[].deviceName` (what
   * KubeVirt's device plugins would allocate), for `hotplugHostDevice`. Default: none.
   */
  readonly hostDeviceResources?: HostDeviceResources;
  /** How long a backup job may run before `backup` rejects with `OPERATION_TIMEOUT`. Default 1 h. */
  readonly backupTimeoutMs?: number;
}
