// A third-party plugin as kvmctl loads one by path: enough configurators for a schema-valid domain.
export const labPlugin = {
  specificationVersion: 'v1',
  name: 'lab',
  version: '1.0.0',
  core: '>=0.1.0',
  configurators: [
    {
      specificationVersion: 'v1',
      name: 'lab:skeleton',
      phase: 'pre',
      configure(vmi, domain) {
        domain.memory = { value: 128, unit: 'MiB' };
        domain.os = { type: { value: 'hvm', arch: 'x86_64', machine: 'q35' } };
      },
    },
    {
      specificationVersion: 'v1',
      name: 'lab:description',
      validate(vmi) {
        return vmi.metadata?.labels?.team === undefined
          ? [{ path: 'metadata.labels.team', reason: 'every lab VM names its team', severity: 'warning', rule: 'lab:description' }]
          : [];
      },
      configure(vmi, domain) {
        domain.description = `lab VM ${vmi.metadata?.name ?? ''}`;
      },
    },
  ],
};
