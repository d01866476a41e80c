/**
 * @kvmkit/core/testing — helpers for plugin authors' tests: a recording fake of the host
 * operations `prepare` steps use, and golden cases as folders (`vmi.yaml` in, `expected.xml` out).
 * Pair them with `@kvmkit/testing` for a real libvirtd and `validateDomainXml` for the schema.
 */
export { RecordingHostOperations, type HostOperationCall } from './recording-host-operations.ts';
export { convertGoldenCase, loadGoldenCases, type GoldenCase } from './golden-cases.ts';
