import type { Extensible } from '../xml/xml-node.ts';

/** `<launchSecurity type>`: `sev`, `sev-snp`, `s390-pv` or `tdx`; fields apply per type. */
export interface LaunchSecurity extends Extensible {
  type: string;
  /** `kernelHashes='yes'|'no'` (sev, sev-snp). */
  kernelHashes?: boolean;
  /** `authorKey='yes'|'no'` (sev-snp). */
  authorKey?: boolean;
  /** `vcek='yes'|'no'` (sev-snp). */
  vcek?: boolean;
  /** `<cbitpos>` (sev, sev-snp). */
  cbitpos?: number;
  /** `<reducedPhysBits>` (sev, sev-snp). */
  reducedPhysBits?: number;
  /** `<policy>`: hex as written, e.g. `0x0033` (sev, sev-snp, tdx). */
  policy?: string;
  /** `<dhCert>` (sev). */
  dhCert?: string;
  /** `<session>` (sev). */
  session?: string;
  /** `<guestVisibleWorkarounds>` (sev-snp). */
  guestVisibleWorkarounds?: string;
  /** `<idBlock>` (sev-snp). */
  idBlock?: string;
  /** `<idAuth>` (sev-snp). */
  idAuth?: string;
  /** `<hostData>` (sev-snp). */
  hostData?: string;
  /** `<mrConfigId>` (tdx). */
  mrConfigId?: string;
  /** `<mrOwner>` (tdx). */
  mrOwner?: string;
  /** `<mrOwnerConfig>` (tdx). */
  mrOwnerConfig?: string;
  /** `<quoteGenerationService>` (tdx). */
  quoteGenerationService?: TdxQuoteGenerationService;
}

/** `<quoteGenerationService path/>` (tdx). */
export interface TdxQuoteGenerationService extends Extensible {
  path?: string;
}

/** `<aes state/>` / `<dea state/>` in `<keywrap>`. */
export interface KeywrapCipher extends Extensible {
  name: string;
  /** `state='on'|'off'`. */
  state?: boolean;
}

/** `<keywrap>` (s390). */
export interface Keywrap extends Extensible {
  ciphers: KeywrapCipher[];
}
