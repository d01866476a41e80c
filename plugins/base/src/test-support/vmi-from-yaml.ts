import { loadManifests, type VirtualMachineInstance } from '@kvmkit/vmi';

/** A VMI from YAML text, failing loudly when the text does not hold one. */
export function vmiFromYaml(yaml: string): VirtualMachineInstance {
  const loaded = loadManifests(yaml);
  const vmi = loaded.vmis[0]?.vmi;
  if (vmi === undefined) throw new Error(loaded.errors.map((error) => error.message).join('; ') || 'no VMI');
  return vmi;
}

/** A minimal valid VMI spec around the given `spec.domain` additions and volumes (YAML, indented 2). */
export function minimalVmiYaml(domainExtra: string, volumes = ''): string {
  return `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: test, namespace: lab }
spec:
  domain:
    memory: { guest: 128Mi }
${domainExtra}
${volumes === '' ? '' : `  volumes:\n${volumes}`}
`;
}
