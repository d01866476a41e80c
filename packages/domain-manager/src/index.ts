/**
 * @kvmkit/domain-manager — the libvirt-backed implementation of core's DomainManager contract.
 */
export {};
