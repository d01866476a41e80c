/**
 * @kvmkit/libvirt-rpc — a pure-TypeScript client for libvirt's RPC protocol.
 * Standalone: it depends on no other kvmkit package.
 */
export {};
