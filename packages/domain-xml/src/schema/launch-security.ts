import type { Keywrap, KeywrapCipher, LaunchSecurity, TdxQuoteGenerationService } from '../model/launch-security.ts';
import { child, defineElement, list } from '../xml/element-spec.ts';
import { integerElement, onOffAttribute, stringAttribute, stringElement, yesNoAttribute } from './fields.ts';

export const launchSecuritySpec = defineElement<LaunchSecurity>({
  type: stringAttribute('type'),
  kernelHashes: yesNoAttribute('kernelHashes'),
  authorKey: yesNoAttribute('authorKey'),
  vcek: yesNoAttribute('vcek'),
  cbitpos: integerElement('cbitpos'),
  reducedPhysBits: integerElement('reducedPhysBits'),
  policy: stringElement('policy'),
  guestVisibleWorkarounds: stringElement('guestVisibleWorkarounds'),
  idBlock: stringElement('idBlock'),
  idAuth: stringElement('idAuth'),
  hostData: stringElement('hostData'),
  dhCert: stringElement('dhCert'),
  session: stringElement('session'),
  mrConfigId: stringElement('mrConfigId'),
  mrOwner: stringElement('mrOwner'),
  mrOwnerConfig: stringElement('mrOwnerConfig'),
  quoteGenerationService: child('quoteGenerationService', defineElement<TdxQuoteGenerationService>({ path: stringAttribute('path') })),
});

const cipherSpec = defineElement<KeywrapCipher>({ name: stringAttribute('name'), state: onOffAttribute('state') });
export const keywrapSpec = defineElement<Keywrap>({ ciphers: list('cipher', cipherSpec) });
