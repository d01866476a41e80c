/**
 * @kvmkit/plugin-cpu-topology — the guest CPU: mode, model and feature policies, topology with
 * instancetype-style preferences, vCPU hotplug, guest NUMA cells, dedicated CPU pinning, the
 * isolated emulator thread and realtime scheduling.
 */
export { cpuTopologyPlugin } from './plugin.ts';
export { cpuModeConfigurator, CPU_MODE_CONFIGURATOR } from './cpu-mode-configurator.ts';
export { topologyConfigurator, TOPOLOGY_CONFIGURATOR } from './topology-configurator.ts';
export { numaConfigurator, NUMA_CONFIGURATOR, NUMA_FEATURE_GATE } from './numa-configurator.ts';
export { placementConfigurator, PLACEMENT_CONFIGURATOR } from './placement-configurator.ts';
export { cpuTopologyOptionsSchema, PREFERRED_TOPOLOGIES, SPREAD_ACROSS, type CpuTopologyOptions, type PreferredTopology, type SpreadAcross } from './options.ts';
export { PREFERRED_TOPOLOGY_ANNOTATION, SPREAD_ACROSS_ANNOTATION, SPREAD_RATIO_ANNOTATION } from './preferences.ts';
export { arrangeTopology, vcpuCount, type GuestTopology } from './guest-topology.ts';
export { planVcpus, type VcpuPlan } from './vcpu-plan.ts';
export { formatCpuList, parseCpuList } from './cpu-list.ts';
export { PLUGIN_VERSION } from './version.ts';
