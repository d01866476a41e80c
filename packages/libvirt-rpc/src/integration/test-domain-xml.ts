/** A minimal domain for libvirt's test driver (no emulator, nothing runs). */
export function testDriverDomainXml(name: string): string {
  return `<domain type='test'><name>${name}</name><memory unit='KiB'>65536</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>`;
}
