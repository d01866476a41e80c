import { describe, expect, it } from 'vitest';
import { quantityToBytes, quantityToMillis } from '../quantity/quantity-to-bytes.ts';
import { loadManifests } from './load-manifests.ts';

const vmiYaml = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: first
spec:
  domain:
    devices:
      disks:
      - name: root
        disk:
          bus: virtio
    resources:
      requests:
        memory: 64Mi
  volumes:
  - name: root
    containerDisk:
      image: quay.io/kubevirt/cirros-container-disk-demo
`;

const vmYaml = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: from-vm
  namespace: lab
  labels:
    only-on-vm: "true"
spec:
  runStrategy: Always
  template:
    metadata:
      labels:
        kubevirt.io/vm: from-vm
      annotations:
        note: template
    spec:
      domain:
        devices: {}
        memory:
          guest: 128Mi
`;

describe('loadManifests', () => {
  it('loads several YAML documents and reports where each came from', () => {
    const result = loadManifests(`${vmiYaml}---\n${vmYaml}`, { source: 'two.yaml' });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.vmis.map((loaded) => loaded.vmi.metadata?.name)).toEqual(['first', 'from-vm']);
    expect(result.vmis.map((loaded) => loaded.origin)).toEqual([
      { source: 'two.yaml', document: 1, line: 1, kind: 'VirtualMachineInstance', name: 'first' },
      { source: 'two.yaml', document: 2, line: 20, kind: 'VirtualMachine', name: 'from-vm' },
    ]);
  });

  it('makes the VMI KubeVirt creates from a VM: template metadata, VM name and namespace', () => {
    const [loaded] = loadManifests(vmYaml).vmis;
    expect(loaded?.vmi).toEqual({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata: {
        name: 'from-vm',
        namespace: 'lab',
        labels: { 'kubevirt.io/vm': 'from-vm' },
        annotations: { note: 'template' },
      },
      spec: { domain: { devices: {}, memory: { guest: '128Mi' } } },
    });
  });

  it('maps a VMI field path to its line, through a VM template too', () => {
    const [direct] = loadManifests(vmiYaml).vmis;
    expect(direct?.lineOf('spec.domain.devices.disks[0].disk.bus')).toBe(11);
    expect(direct?.lineOf('spec.volumes[0].containerDisk.image')).toBe(18);
    // Absent field: the line of its nearest present parent.
    expect(direct?.lineOf('spec.domain.devices.interfaces[0]')).toBe(7);
    const [fromVm] = loadManifests(vmYaml).vmis;
    expect(fromVm?.lineOf('spec.domain.memory.guest')).toBe(20);
  });

  it('loads JSON, a single object or a List', () => {
    const single = JSON.stringify({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'j' }, spec: { domain: { devices: {} } } });
    expect(loadManifests(single).vmis.map((loaded) => loaded.vmi.metadata?.name)).toEqual(['j']);
    const list = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'a' }, spec: { domain: { devices: {} } } },
          { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'b' }, spec: { template: { spec: { domain: { devices: {} } } } } },
        ],
      },
      null,
      2,
    );
    const result = loadManifests(list);
    expect(result.vmis.map((loaded) => [loaded.vmi.metadata?.name, loaded.origin.kind])).toEqual([
      ['a', 'VirtualMachineInstance'],
      ['b', 'VirtualMachine'],
    ]);
    expect(result.vmis[1]?.origin.line).toBe(17);
  });

  it('makes one VMI per pool replica, named as KubeVirt names pool members', () => {
    const pool = `apiVersion: pool.kubevirt.io/v1beta1
kind: VirtualMachinePool
metadata:
  name: pool
spec:
  replicas: 2
  virtualMachineTemplate:
    spec:
      template:
        metadata:
          labels: { app: pool }
        spec:
          domain: { devices: {} }
`;
    const result = loadManifests(pool);
    expect(result.vmis.map((loaded) => loaded.vmi.metadata)).toEqual([
      { name: 'pool-0', labels: { app: 'pool' } },
      { name: 'pool-1', labels: { app: 'pool' } },
    ]);
    expect(result.vmis[0]?.lineOf('spec.domain')).toBe(13);
  });

  it('skips known non-VM kinds with a warning naming document and line', () => {
    const text = `---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstancePreset
metadata:
  name: small
spec: {}
---
apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata:
  name: m
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
`;
    const result = loadManifests(text, { source: 'mixed.yaml' });
    expect(result.vmis).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'mixed.yaml, document 1, line 2: VirtualMachineInstancePreset "small" skipped: presets are deprecated in KubeVirt and kvmkit does not apply them',
      'mixed.yaml, document 2, line 8: MigrationPolicy "m" skipped: kvmkit runs on one host and does not migrate',
      'mixed.yaml, document 3, line 13: ConfigMap "c" (v1) is not a KubeVirt object; kvmkit skips it',
    ]);
  });

  it('warns about VM fields that kvmkit does not act on', () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: { name: typed }
spec:
  instancetype: { name: u1.small }
  template:
    spec:
      domain: { devices: {} }
`;
    const result = loadManifests(text);
    expect(result.vmis).toHaveLength(1);
    expect(result.warnings).toMatchObject([
      { severity: 'warning', line: 5, reason: 'VirtualMachine "typed": spec.instancetype is ignored: instance types are not expanded by kvmkit' },
    ]);
  });

  it('reports YAML syntax errors with document and line, and keeps loading the others', () => {
    const text = `${vmiYaml}---\napiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata:\n  name: [unclosed\n`;
    const result = loadManifests(text, { source: 'broken.yaml' });
    expect(result.vmis).toHaveLength(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ severity: 'error', document: 2, source: 'broken.yaml' });
    expect(result.errors[0]?.message).toMatch(/^broken\.yaml, document 2, line 2\d: invalid YAML: /);
  });

  it('reports objects it cannot read as errors', () => {
    const text = `kind: VirtualMachineInstance
spec: {}
---
apiVersion: kubevirt.io/v2
kind: VirtualMachine
metadata: { name: future }
---
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: { name: empty }
spec: {}
---
- just
- a list
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: nospec }
`;
    const result = loadManifests(text);
    expect(result.vmis).toEqual([]);
    expect(result.errors.map((error) => [error.document, error.line, error.reason])).toEqual([
      [1, 1, 'VirtualMachineInstance has no `apiVersion`'],
      [2, 4, 'VirtualMachine "future" has apiVersion kubevirt.io/v2; expected kubevirt.io/v1 or kubevirt.io/v1alpha3'],
      [3, 8, 'VirtualMachine "empty" has no `spec.template`'],
      [4, 13, 'is not a mapping (a Kubernetes object)'],
      [5, 16, 'VirtualMachineInstance "nospec" has no `spec`'],
    ]);
  });

  it('rejects duplicate keys, which Kubernetes strict decoding also refuses', () => {
    const result = loadManifests('apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nkind: VirtualMachine\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(3);
  });

  it('ignores empty documents and empty text', () => {
    expect(loadManifests('')).toEqual({ vmis: [], errors: [], warnings: [] });
    expect(loadManifests(`---\n${vmiYaml}---\n`).vmis).toHaveLength(1);
  });

  it('reads kubevirt.io/v1alpha3 with a deprecation warning', () => {
    const result = loadManifests(vmiYaml.replace('kubevirt.io/v1', 'kubevirt.io/v1alpha3'));
    expect(result.vmis[0]?.vmi.apiVersion).toBe('kubevirt.io/v1');
    expect(result.warnings.map((warning) => warning.reason)).toEqual([
      'VirtualMachineInstance "first" uses the deprecated kubevirt.io/v1alpha3; read as kubevirt.io/v1',
    ]);
  });

  it('keeps unquoted quantities as the numbers YAML reads, which the quantity functions accept', () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: numbers }
spec:
  domain:
    devices: {}
    resources:
      requests: { memory: 134217728, cpu: 0.5 }
`;
    const [loaded] = loadManifests(text).vmis;
    const requests = loaded?.vmi.spec.domain.resources?.requests;
    expect(requests).toEqual({ memory: 134217728, cpu: 0.5 });
    expect(quantityToBytes(requests?.memory ?? '')).toBe(134_217_728n);
    expect(quantityToMillis(requests?.cpu ?? '')).toBe(500n);
  });
});
