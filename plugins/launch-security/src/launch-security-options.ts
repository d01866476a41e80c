import { z } from 'zod';

/** A policy as libvirt writes it: hexadecimal with `0x`. */
const hexPolicy = z.string().regex(/^0x[0-9a-fA-F]{1,16}$/, 'must be hexadecimal, e.g. 0x30000');
/** The C-bit position and the physical address bits lost to encryption, per AMD's CPUID 0x8000001F. */
const bitPosition = z.number().int().min(0).max(63);

const amdOptions = {
  /** `<cbitpos>`; absent: libvirt takes it from the host's SEV capabilities when it starts the domain. */
  cbitpos: bitPosition.optional(),
  /** `<reducedPhysBits>`; absent: from the host's SEV capabilities, as `cbitpos`. */
  reducedPhysBits: bitPosition.optional(),
  /** `kernelHashes='yes'`: measure a direct-boot kernel, initrd and command line into the launch digest. */
  kernelHashes: z.boolean().optional(),
};

/**
 * Options of the `launch-security` plugin: the parts of libvirt's `<launchSecurity>` that
 * KubeVirt's API does not carry (it has only SEV's `encryptedState`, `dhCert`, `session` and
 * `attestation`, and empty `snp: {}` / `tdx: {}` objects). They stand for host or cluster
 * configuration, as KubeVirt's own TDX quote-generation socket does.
 */
export const launchSecurityOptionsSchema = z.object({
  sev: z.object(amdOptions).prefault({}),
  snp: z.object({
    ...amdOptions,
    /** The SNP guest policy; KubeVirt's is SMT allowed (bit 16) plus the reserved bit 17 that must be 1. */
    policy: hexPolicy.default('0x30000'),
  }).prefault({}),
  tdx: z.object({
    /**
     * The Quote Generation Service socket for attestation quotes. The VMI's annotation
     * `kubevirt.io/qgs-socket-path` wins; absent both, libvirt's default socket is used.
     */
    quoteGenerationServiceSocket: z.string().startsWith('/', 'must be an absolute path').optional(),
    /** The TDX attributes policy (`<policy>`), e.g. `0x10000000` for SEPT_VE_DISABLE; KubeVirt sets none. */
    policy: hexPolicy.optional(),
  }).prefault({}),
});

export type LaunchSecurityOptions = z.output<typeof launchSecurityOptionsSchema>;
