import type { ConverterContext, SevInfo } from '@kvmkit/core';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

function notImplemented(vmi: string, what: string): Promise<never> {
  return Promise.reject(domainManagerError('UNSUPPORTED_ON_HOST', `${what} for ${vmi} is not implemented by @kvmkit/domain-manager 0.1.0`, { vmi }));
}

/**
 * SEV launch measurement and secret injection: not implemented yet, and said so
 * (`UNSUPPORTED_ON_HOST`); on a host without SEV, `info` answers `{ supported: false }`.
 */
export class SevLaunchSecurity {
  readonly #contextProvider: () => Promise<ConverterContext>;

  constructor(contextProvider: () => Promise<ConverterContext>) {
    this.#contextProvider = contextProvider;
  }

  async info(vmi: string): Promise<SevInfo> {
    const context = await this.#contextProvider();
    if (!context.host.launchSecurity.sev) return { supported: false };
    return notImplemented(vmi, 'SEV launch measurement');
  }

  async injectLaunchSecret(vmi: string): Promise<void> {
    const context = await this.#contextProvider();
    if (!context.host.launchSecurity.sev) throw domainManagerError('UNSUPPORTED_ON_HOST', `SEV is not supported on this host, so no launch secret can be injected into ${vmi}`, { vmi });
    return notImplemented(vmi, 'SEV launch secret injection');
  }
}
