/**
 * @kvmkit/testing — real parts for tests of kvmkit and of third-party plugins: a private
 * libvirtd, the tiny bootable guest, and the KVM probe that picks `kvm` or `qemu` (TCG).
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
export { LIBVIRT_DOMAIN_SCHEMA, validateDomainXml, type SchemaValidation } from './validate-domain-xml.ts';
export { buildGuestImage, type GuestImage } from '@kvmkit/guest-image';
export { probeKvm, type KvmProbeResult, type VirtType } from '@kvmkit/host-probe';
