/** What kvmkit does with each kind of object it may find beside VMs in a manifest. */
export type KindHandling =
  | { readonly action: 'vmi' | 'vm' | 'pool' | 'replicaset'; readonly groups: readonly string[] }
  | { readonly action: 'skip'; readonly reason: string };

const KUBEVIRT_CORE_VERSIONS = ['kubevirt.io/v1', 'kubevirt.io/v1alpha3'];
const INSTANCETYPE_REASON =
  'instance types and preferences are not expanded by kvmkit; write the CPU and memory into the VM template instead';

export const KIND_HANDLING: ReadonlyMap<string, KindHandling> = new Map<string, KindHandling>([
  ['VirtualMachineInstance', { action: 'vmi', groups: KUBEVIRT_CORE_VERSIONS }],
  ['VirtualMachine', { action: 'vm', groups: KUBEVIRT_CORE_VERSIONS }],
  ['VirtualMachineInstanceReplicaSet', { action: 'replicaset', groups: KUBEVIRT_CORE_VERSIONS }],
  ['VirtualMachinePool', { action: 'pool', groups: ['pool.kubevirt.io/v1alpha1', 'pool.kubevirt.io/v1beta1'] }],
  [
    'VirtualMachineInstancePreset',
    { action: 'skip', reason: 'presets are deprecated in KubeVirt and kvmkit does not apply them' },
  ],
  ['VirtualMachineInstancetype', { action: 'skip', reason: INSTANCETYPE_REASON }],
  ['VirtualMachineClusterInstancetype', { action: 'skip', reason: INSTANCETYPE_REASON }],
  ['VirtualMachinePreference', { action: 'skip', reason: INSTANCETYPE_REASON }],
  ['VirtualMachineClusterPreference', { action: 'skip', reason: INSTANCETYPE_REASON }],
  ['MigrationPolicy', { action: 'skip', reason: 'kvmkit runs on one host and does not migrate' }],
  ['VirtualMachineInstanceMigration', { action: 'skip', reason: 'kvmkit runs on one host and does not migrate' }],
]);

/** Kinds that are lists of other objects (`List`, `VirtualMachineList`, …) and are expanded. */
export function isListKind(kind: string): boolean {
  return kind === 'List' || kind.endsWith('List');
}
