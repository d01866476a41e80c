/**
 * @kvmkit/host-probe — facts about the host that decide how domains are built, found by
 * trying rather than assuming (KubeVirt's `useEmulation` decides the same question by config).
 */
export { probeKvm, type KvmProbeResult, type ProbeKvmOptions, type VirtType } from './probe-kvm.ts';
