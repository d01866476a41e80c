/**
 * @kvmkit/domain-xml — a typed model of libvirt's Domain XML, named after libvirt's own
 * elements, that serializes with fast-xml-parser and round-trips libvirt's corpus.
 */
export {};
