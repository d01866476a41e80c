import type { Domain } from '@kvmkit/domain-xml';
import type { VmiProblem } from '@kvmkit/vmi';

/** What a conversion produced. */
export interface ConversionResult {
  /** The typed domain, as the configurators left it. */
  readonly domain: Domain;
  /** The domain serialized in libvirt's canonical order. */
  readonly xml: string;
  /** Warnings from validation and from configurators; conversion went ahead despite them. */
  readonly warnings: readonly VmiProblem[];
  /** Names of the configurators that ran, in order. */
  readonly configurators: readonly string[];
}
