import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeKvm } from './probe-kvm.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kvmkit-probe-'));
afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

describe('probeKvm', () => {
  it('refuses KVM when the device is missing, and says so', async () => {
    const result = await probeKvm({ kvmDevice: join(scratch, 'no-such-kvm') });
    expect(result).toEqual({ usable: false, virtType: 'qemu', reason: expect.stringContaining('does not exist') as unknown });
  });

  it('refuses KVM when QEMU is missing, naming the package', async () => {
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: join(scratch, 'no-qemu') });
    expect(result.usable).toBe(false);
    expect(result.reason).toContain('qemu-system-x86');
  });

  it('reports a QEMU that fails to start KVM as unusable with its error', async () => {
    // /dev/null opens fine but is no KVM device: a fake QEMU that fails like a real one without KVM.
    const fakeQemu = join(scratch, 'fake-qemu');
    writeFileSync(fakeQemu, '#!/bin/sh\necho "Could not access KVM kernel module: No such device" >&2\nexit 1\n', { mode: 0o755 });
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: fakeQemu, kernel: fakeQemu });
    expect(result.usable).toBe(false);
    expect(result.reason).toContain('Could not access KVM kernel module');
  });

  it('treats a guest that never boots within the timeout as hung KVM', async () => {
    const hangingQemu = join(scratch, 'hanging-qemu');
    writeFileSync(hangingQemu, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const result = await probeKvm({ kvmDevice: '/dev/null', qemuBinary: hangingQemu, kernel: hangingQemu, timeoutMs: 300 });
    expect(result.usable).toBe(false);
    expect(result.reason).toContain('hung before the kernel printed anything');
  });

  it('decides by booting a real guest kernel, and remembers the answer per host boot', async () => {
    const cacheFile = join(scratch, 'probe.json');
    const result = await probeKvm({ cacheFile });
    // Either answer is legitimate on an unknown host; what must hold is that it is consistent.
    expect(result.virtType).toBe(result.usable ? 'kvm' : 'qemu');
    expect(result.reason.length).toBeGreaterThan(10);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { result: unknown };
    expect(stored.result).toEqual(result);
    const again = await probeKvm({ cacheFile });
    expect(again).toEqual(result);
  }, 60_000);
});
