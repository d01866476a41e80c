import { describe, expect, it } from 'vitest';
import { KvmkitError } from '@kvmkit/core';
import { ErrorCode, LibvirtError } from '@kvmkit/libvirt-rpc';
import { isNoDomain, libvirtCall } from './libvirt-call.ts';

function daemonError(code: number, message: string): LibvirtError {
  return new LibvirtError('DOMAIN_SCREENSHOT', { code, domain: 10, message, level: 2, dom: null, str1: null, str2: null, str3: null, int1: 0, int2: 0, net: null });
}

describe('libvirtCall', () => {
  it('resolves with what the call returns', async () => {
    await expect(libvirtCall('default/vm', 'stats', () => Promise.resolve(42))).resolves.toBe(42);
  });

  it("turns libvirt's unsupported answers into UNSUPPORTED_ON_HOST with the daemon's reason", async () => {
    const cause = daemonError(ErrorCode.NO_SUPPORT, 'this function is not supported by the connection driver');
    const error = await libvirtCall('default/vm', 'screenshot', () => Promise.reject(cause)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KvmkitError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_ON_HOST', message: 'screenshot is unsupported on this host: this function is not supported by the connection driver', details: { vmi: 'default/vm' } });
    expect((error as Error).cause).toBe(cause);
  });

  it('turns every other libvirt error into LIBVIRT_CALL_FAILED naming the call, the VMI and the libvirt code', async () => {
    const cause = daemonError(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching name 'default_vm'");
    const error = await libvirtCall('default/vm', 'pause', () => Promise.reject(cause)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'LIBVIRT_CALL_FAILED', message: "pause for default/vm failed: Domain not found: no domain with matching name 'default_vm'", details: { vmi: 'default/vm', libvirtCode: 'NO_DOMAIN' } });
    expect((error as Error).cause).toBe(cause);
  });

  it("passes the manager's own errors through unchanged", async () => {
    const own = new KvmkitError('INVALID_REQUEST', 'count: 0 vCPUs is outside 1…4');
    await expect(libvirtCall('default/vm', 'vCPU hotplug', () => Promise.reject(own))).rejects.toBe(own);
  });
});

describe('isNoDomain', () => {
  it('is true only for NO_DOMAIN libvirt errors', () => {
    expect(isNoDomain(daemonError(ErrorCode.NO_DOMAIN, 'Domain not found'))).toBe(true);
    expect(isNoDomain(daemonError(ErrorCode.NO_SUPPORT, 'not supported'))).toBe(false);
    expect(isNoDomain(new Error('Domain not found'))).toBe(false);
  });
});
