/**
 * @kvmkit/testing — real parts for tests of kvmkit and of third-party plugins: a private
 * libvirtd, the tiny bootable guest, the KVM probe that picks `kvm` or `qemu` (TCG), and a lab
 * that sets up all three with a connection for a test file.
 */
export {
  libvirtdAnswers,
  startLibvirtd,
  type LibvirtdLayout,
  type PrivateLibvirtd,
  type StartLibvirtdOptions,
} from '@kvmkit/private-libvirtd';
export { virtTypeForTests } from './virt-type.ts';
export { waitForFileLine } from './wait-for-file-line.ts';
export { startGuestLab, type GuestLab } from './guest-lab.ts';
export { LIBVIRT_DOMAIN_SCHEMA, newerLibvirtDomainSchema, validateDomainXml, type SchemaValidation } from './validate-domain-xml.ts';
export { buildGuestImage, type GuestImage } from '@kvmkit/guest-image';
export { probeKvm, type KvmProbeResult, type VirtType } from '@kvmkit/host-probe';
