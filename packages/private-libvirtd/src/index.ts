/**
 * @kvmkit/private-libvirtd — a libvirtd of kvmkit's own, beside (never instead of) the
 * system daemon: for tests, for the demo, and for hosts with no system daemon running.
 */
export { startLibvirtd, type PrivateLibvirtd, type StartLibvirtdOptions } from './start-libvirtd.ts';
export { libvirtdLayout, type LibvirtdLayout } from './libvirtd-config.ts';
export { libvirtdAnswers } from './rpc-probe.ts';
