import type { Probe, VirtualMachineInstanceSpec } from '../types.ts';

/** KubeVirt's DefaultGracePeriodSeconds, used by virt-launcher and the pod template when unset. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

export function defaultTerminationGracePeriod(spec: VirtualMachineInstanceSpec): void {
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
}

/** Probe thresholds below 1 take Kubernetes' values (SetDefaults_Probe). */
export function defaultProbe(probe: Probe | undefined): void {
  if (probe === undefined) return;
  if (!probe.timeoutSeconds || probe.timeoutSeconds < 1) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds || probe.periodSeconds < 1) probe.periodSeconds = 10;
  if (!probe.successThreshold || probe.successThreshold < 1) probe.successThreshold = 1;
  if (!probe.failureThreshold || probe.failureThreshold < 1) probe.failureThreshold = 3;
}

/**
 * Container disks pull `Always` when the image is `:latest` or has no tag or digest, else
 * `IfNotPresent`, as Kubernetes does for pods (setDefaultPullPoliciesOnContainerDisks).
 */
export function defaultContainerDiskPullPolicy(spec: VirtualMachineInstanceSpec): void {
  for (const volume of spec.volumes ?? []) {
    const containerDisk = volume.containerDisk;
    if (containerDisk === undefined || containerDisk.imagePullPolicy) continue;
    const image = containerDisk.image;
    const floating = image.endsWith(':latest') || !/[:@]/.test(image);
    containerDisk.imagePullPolicy = floating ? 'Always' : 'IfNotPresent';
  }
}
