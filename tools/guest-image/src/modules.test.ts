import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUEST_MODULES, moduleName, orderModules, parseModulesDep, resolveModules } from './modules.ts';

const fixture = [
  'kernel/a/virtio.ko: kernel/a/virtio_ring.ko',
  'kernel/a/virtio_ring.ko:',
  'kernel/b/virtio-rng.ko: kernel/a/virtio.ko kernel/a/virtio_ring.ko',
  'kernel/c/top.ko: kernel/b/virtio-rng.ko kernel/a/virtio.ko kernel/a/virtio_ring.ko',
  '',
].join('\n');

describe('orderModules', () => {
  it('puts dependencies first, without duplicates, and sorts out built-in and unknown names', () => {
    const result = orderModules(parseModulesDep(fixture), new Set(['unix']), ['top', 'virtio-rng', 'unix', 'nope', 'nope']);
    expect(result.modules.map((m) => m.name)).toEqual(['virtio_ring', 'virtio', 'virtio_rng', 'top']);
    expect(result.modules[2]?.path).toBe('kernel/b/virtio-rng.ko');
    expect(result.builtin).toEqual(['unix']);
    expect(result.missing).toEqual(['nope']);
  });

  it('reports dependency cycles', () => {
    const cyclic = parseModulesDep('x.ko: y.ko\ny.ko: x.ko\n');
    expect(() => orderModules(cyclic, new Set(), ['x'])).toThrow(/cycle/);
  });

  it('normalizes module names', () => {
    expect(moduleName('kernel/drivers/char/hw_random/virtio-rng.ko.xz')).toBe('virtio_rng');
    expect(moduleName('virtio-net')).toBe('virtio_net');
  });
});

// The real thing: whatever kernel is installed on this machine.
const kernelVersions = existsSync('/lib/modules') ? readdirSync('/lib/modules').filter((v) => existsSync(join('/lib/modules', v, 'modules.dep'))) : [];
const moduleDir = kernelVersions.length > 0 ? join('/lib/modules', kernelVersions.sort().at(-1) ?? '') : '';

describe.skipIf(moduleDir === '')('resolveModules on the installed kernel', () => {
  it('loads every dependency before its dependant', async () => {
    const result = await resolveModules(moduleDir, [...DEFAULT_GUEST_MODULES, 'unix']);
    const names = result.modules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(result.missing).toEqual([]);
    expect(result.builtin).toContain('unix');
    if (names.includes('virtio')) expect(names.indexOf('virtio_ring')).toBeLessThan(names.indexOf('virtio'));

    const dep = parseModulesDep(await readFile(join(moduleDir, 'modules.dep'), 'utf8'));
    for (const [index, module] of result.modules.entries()) {
      expect(existsSync(join(moduleDir, module.path)), module.path).toBe(true);
      for (const dependency of dep.get(module.name)?.dependencies ?? []) {
        const at = names.indexOf(moduleName(dependency));
        expect(at, `${dependency} before ${module.name}`).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(index);
      }
    }
    // Every requested name is accounted for.
    for (const requested of DEFAULT_GUEST_MODULES) {
      const name = moduleName(requested);
      expect(names.includes(name) || result.builtin.includes(name), name).toBe(true);
    }
  });
});
