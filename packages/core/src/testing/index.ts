/**
 * @kvmkit/core/testing — helpers for plugin authors' tests: a recording fake of the host
 * operations `prepare` steps use, golden cases as folders (`vmi.yaml` in, `expected.xml` out), a
 * stand-in for plugin-base's memory configurator in golden tests, and a plugin that boots the tiny
 * test guest around the plugin under test.
 * Pair them with `@kvmkit/testing` for a real libvirtd and `validateDomainXml` for the schema.
 */
export { RecordingHostOperations, type HostOperationCall } from './recording-host-operations.ts';
export { convertGoldenCase, loadGoldenCases, type GoldenCase } from './golden-cases.ts';
export { baseMemoryStandInPlugin } from './base-memory-stand-in-plugin.ts';
export { tinyGuestTestPlugin, type TinyGuestTestPluginOptions } from './tiny-guest-test-plugin.ts';
