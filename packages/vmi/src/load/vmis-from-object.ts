import type { ObjectMeta, VirtualMachineInstance } from '../types.ts';
import { isListKind, KIND_HANDLING } from './kinds.ts';

/** One VMI found in a document, with the path of the object's VMI spec inside the document. */
export interface FoundVmi {
  readonly vmi: VirtualMachineInstance;
  readonly kind: string;
  readonly name: string | undefined;
  /** Document path of the object the VMI came from (non-empty inside a List). */
  readonly objectPath: readonly (string | number)[];
  /** Document path that a VMI `spec` path maps onto. */
  readonly specPath: readonly (string | number)[];
}

export interface ObjectFindings {
  readonly vmis: FoundVmi[];
  readonly errors: { reason: string; path: readonly (string | number)[]; kind?: string }[];
  readonly warnings: { reason: string; path: readonly (string | number)[]; kind?: string }[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, ...keys: string[]): JsonObject | undefined {
  let current: unknown = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return isObject(current) ? current : undefined;
}

/** Finds the VMIs an object describes: itself, a VM's template, a pool's or replica set's copies. */
export function vmisFromObject(object: unknown, path: readonly (string | number)[] = []): ObjectFindings {
  const findings: ObjectFindings = { vmis: [], errors: [], warnings: [] };
  collect(object, path, findings);
  return findings;
}

function collect(object: unknown, path: readonly (string | number)[], findings: ObjectFindings): void {
  if (!isObject(object)) {
    findings.errors.push({ reason: 'is not a mapping (a Kubernetes object)', path });
    return;
  }
  const kind = object.kind;
  const apiVersion = object.apiVersion;
  if (typeof kind !== 'string' || kind === '') {
    findings.errors.push({ reason: 'has no `kind`', path });
    return;
  }
  const name = typeof objectAt(object, 'metadata')?.name === 'string' ? String(objectAt(object, 'metadata')?.name) : undefined;
  const label = name === undefined ? kind : `${kind} "${name}"`;
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    findings.errors.push({ reason: `${label} has no \`apiVersion\``, path, kind });
    return;
  }

  const handling = KIND_HANDLING.get(kind);
  if (handling === undefined) {
    if (isListKind(kind) && Array.isArray(object.items)) {
      object.items.forEach((item: unknown, index) => {
        collect(item, [...path, 'items', index], findings);
      });
      return;
    }
    const kubevirtGroup = apiVersion.split('/')[0]?.endsWith('kubevirt.io') === true;
    findings.warnings.push({
      reason: kubevirtGroup
        ? `${label} (${apiVersion}) is not a virtual machine; kvmkit skips it`
        : `${label} (${apiVersion}) is not a KubeVirt object; kvmkit skips it`,
      path,
      kind,
    });
    return;
  }
  if (handling.action === 'skip') {
    findings.warnings.push({ reason: `${label} skipped: ${handling.reason}`, path, kind });
    return;
  }
  if (!handling.groups.includes(apiVersion)) {
    findings.errors.push({
      reason: `${label} has apiVersion ${apiVersion}; expected ${handling.groups.join(' or ')}`,
      path,
      kind,
    });
    return;
  }
  if (apiVersion === 'kubevirt.io/v1alpha3') {
    findings.warnings.push({ reason: `${label} uses the deprecated kubevirt.io/v1alpha3; read as kubevirt.io/v1`, path, kind });
  }

  const metadata = objectAt(object, 'metadata') ?? {};
  switch (handling.action) {
    case 'vmi': {
      if (!isObject(object.spec)) {
        findings.errors.push({ reason: `${label} has no \`spec\``, path, kind });
        return;
      }
      const vmi = { ...structuredClone(object), apiVersion: 'kubevirt.io/v1' } as unknown as VirtualMachineInstance;
      findings.vmis.push({ vmi, kind, name, objectPath: path, specPath: [...path, 'spec'] });
      return;
    }
    case 'vm': {
      warnAboutVmOnlyFields(object, label, path, findings);
      const template = objectAt(object, 'spec', 'template');
      if (template === undefined) {
        findings.errors.push({ reason: `${label} has no \`spec.template\``, path, kind });
        return;
      }
      const vmi = instanceFromTemplate(template, stringOf(metadata.name), stringOf(metadata.namespace));
      findings.vmis.push({ vmi, kind, name, objectPath: path, specPath: [...path, 'spec', 'template', 'spec'] });
      return;
    }
    case 'pool':
    case 'replicaset': {
      const pool = handling.action === 'pool';
      const template = pool ? objectAt(object, 'spec', 'virtualMachineTemplate', 'spec', 'template') : objectAt(object, 'spec', 'template');
      if (template === undefined) {
        const field = pool ? 'spec.virtualMachineTemplate.spec.template' : 'spec.template';
        findings.errors.push({ reason: `${label} has no \`${field}\``, path, kind });
        return;
      }
      const replicasValue = objectAt(object, 'spec')?.replicas;
      const replicas = typeof replicasValue === 'number' && Number.isInteger(replicasValue) && replicasValue >= 0 ? replicasValue : 1;
      if (replicas === 0) findings.warnings.push({ reason: `${label} has 0 replicas; no VMI made`, path, kind });
      const specPath = pool ? ['spec', 'virtualMachineTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
      for (let index = 0; index < replicas; index += 1) {
        // Pools name their VMs <pool>-<index> (pool.go generateVMName); replica sets would use
        // a random suffix, kvmkit uses the index so that names are stable.
        const replicaName = name === undefined ? undefined : `${name}-${index}`;
        const vmi = instanceFromTemplate(template, replicaName, stringOf(metadata.namespace));
        findings.vmis.push({ vmi, kind, name, objectPath: path, specPath: [...path, ...specPath] });
      }
      return;
    }
  }
}

/**
 * The VMI KubeVirt creates for a VM (SetupVMIFromVM): the template's metadata with the VM's name
 * and namespace, and the template's spec. Labels and annotations are the template's, not the VM's.
 */
function instanceFromTemplate(template: JsonObject, name: string | undefined, namespace: string | undefined): VirtualMachineInstance {
  const metadata: ObjectMeta = structuredClone(objectAt(template, 'metadata') ?? {});
  delete metadata.generateName;
  if (name !== undefined) metadata.name = name;
  if (namespace !== undefined) metadata.namespace = namespace;
  else delete metadata.namespace;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata,
    spec: structuredClone(objectAt(template, 'spec') ?? {}),
  } as unknown as VirtualMachineInstance;
}

function warnAboutVmOnlyFields(vm: JsonObject, label: string, path: readonly (string | number)[], findings: ObjectFindings): void {
  const spec = objectAt(vm, 'spec') ?? {};
  const notApplied: [string, string][] = [
    ['instancetype', 'instance types are not expanded by kvmkit'],
    ['preference', 'preferences are not applied by kvmkit'],
    ['dataVolumeTemplates', 'kvmkit does not import DataVolumes; the volumes that use them need another source'],
  ];
  for (const [field, reason] of notApplied) {
    if (spec[field] !== undefined) {
      findings.warnings.push({ reason: `${label}: spec.${field} is ignored: ${reason}`, path: [...path, 'spec', field], kind: 'VirtualMachine' });
    }
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
