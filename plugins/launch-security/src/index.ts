/**
 * @kvmkit/plugin-launch-security — `spec.domain.launchSecurity` (AMD SEV, SEV-ES, SEV-SNP, Intel
 * TDX) as libvirt's `<launchSecurity>`, with the device and firmware changes confidential guests need.
 */
export { launchSecurityPlugin } from './launch-security-plugin.ts';
export { launchSecurityConfigurator, launchSecurityElement } from './launch-security-configurator.ts';
export { launchSecurityOptionsSchema, type LaunchSecurityOptions } from './launch-security-options.ts';
export { launchSecurityKind, launchSecurityRequest, LAUNCH_SECURITY_LABELS, type LaunchSecurityKind, type LaunchSecurityRequest, type SevRequest } from './launch-security-request.ts';
export { validateLaunchSecurity } from './launch-security-rules.ts';
export { routeVirtioThroughIommu, useStatelessFirmware } from './confidential-devices.ts';
export { sevPolicy, SEV_POLICY_ENCRYPTED_STATE, SEV_POLICY_NO_DEBUG } from './guest-policy.ts';
export { QGS_SOCKET_ANNOTATION, quoteGenerationServiceSocket } from './quote-generation-service.ts';
export { launchSecurityMigrationBlocker } from './migration-blocker.ts';
