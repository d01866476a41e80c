import { describe, expect, it } from 'vitest';
import { vmiFromYaml, minimalVmiYaml } from '../test-support/vmi-from-yaml.ts';
import { diskLetters } from './disk-target-names.ts';
import { planIoThreads } from './io-threads-plan.ts';

const disks = `    cpu: { cores: 1 }
    devices:
      disks:
        - { name: a, disk: { bus: virtio } }
        - { name: b, disk: { bus: virtio } }
        - { name: c, disk: { bus: virtio } }
        - { name: d, dedicatedIOThread: true, disk: { bus: virtio } }
        - { name: e, disk: { bus: sata } }`;

describe('IOThread plan', () => {
  it('gives none without a policy or dedicated disks', () => {
    expect(planIoThreads(vmiFromYaml(minimalVmiYaml('    devices: { disks: [ { name: a, disk: { bus: virtio } } ] }'))).count).toBe(0);
  });

  it('shares one thread and gives dedicated disks their own (shared policy)', () => {
    const plan = planIoThreads(vmiFromYaml(minimalVmiYaml(`    ioThreadsPolicy: shared\n${disks}`)));
    expect([plan.count, [...plan.byDisk]]).toEqual([2, [['a', 1], ['b', 1], ['c', 1], ['d', 2]]]);
  });

  it('spreads over up to twice the vCPUs (auto policy)', () => {
    const plan = planIoThreads(vmiFromYaml(minimalVmiYaml(`    ioThreadsPolicy: auto\n${disks}`)));
    expect([plan.count, [...plan.byDisk]]).toEqual([3, [['a', 1], ['b', 2], ['c', 1], ['d', 3]]]);
  });
});

describe('disk target letters', () => {
  it('counts a…z, aa…', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(diskLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });
});
