import { probeKvm, type KvmProbeResult, type VirtType } from '@kvmkit/host-probe';
import { join } from 'node:path';
import { defaultCacheDir } from '@kvmkit/guest-image';

const VIRT_TYPES: readonly VirtType[] = ['kvm', 'qemu'];

/**
 * The libvirt domain type tests should use on this host: `KVMKIT_TEST_VIRT_TYPE` when set
 * (`kvm` or `qemu`), else the result of a real KVM probe, remembered per host boot so that
 * many test files pay for one probe.
 */
export async function virtTypeForTests(env: NodeJS.ProcessEnv = process.env): Promise<KvmProbeResult> {
  const forced = env.KVMKIT_TEST_VIRT_TYPE;
  if (forced !== undefined && forced !== '') {
    if (!VIRT_TYPES.includes(forced as VirtType)) {
      throw new Error(`KVMKIT_TEST_VIRT_TYPE must be one of ${VIRT_TYPES.join(', ')}, got '${forced}'`);
    }
    return { usable: forced === 'kvm', virtType: forced as VirtType, reason: 'forced by KVMKIT_TEST_VIRT_TYPE' };
  }
  return probeKvm({ cacheFile: join(defaultCacheDir(env), '..', 'kvm-probe.json') });
}
