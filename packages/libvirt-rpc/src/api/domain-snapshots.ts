import type { LibvirtConnectionCore } from '../connection/libvirt-connection-core.ts';
import { defineProcedure } from '../protocol/procedure.ts';
import { domain, domainCheckpoint, domainSnapshot, nonnullString, remoteString, type Domain, type DomainCheckpoint, type DomainSnapshot } from '../protocol/remote-types.ts';
import type { CallOptions } from '../rpc/rpc-session.ts';
import { xdr } from '../xdr/index.ts';

export const DOMAIN_SNAPSHOT_CREATE_XML = defineProcedure({
  name: 'DOMAIN_SNAPSHOT_CREATE_XML', number: 185, args: xdr.struct({ dom: domain, xml_desc: nonnullString, flags: xdr.uint }), ret: xdr.struct({ snap: domainSnapshot }),
});
export const DOMAIN_SNAPSHOT_DELETE = defineProcedure({ name: 'DOMAIN_SNAPSHOT_DELETE', number: 193, args: xdr.struct({ snap: domainSnapshot, flags: xdr.uint }) });
export const DOMAIN_CHECKPOINT_CREATE_XML = defineProcedure({
  name: 'DOMAIN_CHECKPOINT_CREATE_XML', number: 411, args: xdr.struct({ dom: domain, xml_desc: nonnullString, flags: xdr.uint }), ret: xdr.struct({ checkpoint: domainCheckpoint }),
});
export const DOMAIN_CHECKPOINT_GET_XML_DESC = defineProcedure({
  name: 'DOMAIN_CHECKPOINT_GET_XML_DESC', number: 412, args: xdr.struct({ checkpoint: domainCheckpoint, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullString }),
});
export const DOMAIN_LIST_ALL_CHECKPOINTS = defineProcedure({
  name: 'DOMAIN_LIST_ALL_CHECKPOINTS', number: 413, args: xdr.struct({ dom: domain, need_results: xdr.int, flags: xdr.uint }),
  ret: xdr.struct({ checkpoints: xdr.array(domainCheckpoint, 16_384), ret: xdr.int }),
});
export const DOMAIN_CHECKPOINT_LOOKUP_BY_NAME = defineProcedure({
  name: 'DOMAIN_CHECKPOINT_LOOKUP_BY_NAME', number: 415, args: xdr.struct({ dom: domain, name: nonnullString, flags: xdr.uint }), ret: xdr.struct({ checkpoint: domainCheckpoint }),
});
export const DOMAIN_CHECKPOINT_DELETE = defineProcedure({ name: 'DOMAIN_CHECKPOINT_DELETE', number: 417, args: xdr.struct({ checkpoint: domainCheckpoint, flags: xdr.uint }) });
export const DOMAIN_BACKUP_BEGIN = defineProcedure({
  name: 'DOMAIN_BACKUP_BEGIN', number: 421, args: xdr.struct({ dom: domain, backup_xml: nonnullString, checkpoint_xml: remoteString, flags: xdr.uint }),
});
export const DOMAIN_BACKUP_GET_XML_DESC = defineProcedure({ name: 'DOMAIN_BACKUP_GET_XML_DESC', number: 422, args: xdr.struct({ dom: domain, flags: xdr.uint }), ret: xdr.struct({ xml: nonnullString }) });

/** Snapshots, checkpoints and backups. */
export const domainSnapshotMethods = {
  async domainSnapshotCreateXml(this: LibvirtConnectionCore, target: Domain, xml: string, flags = 0, options?: CallOptions): Promise<DomainSnapshot> {
    return (await this.call(DOMAIN_SNAPSHOT_CREATE_XML, { dom: target, xml_desc: xml, flags }, options)).snap;
  },
  async domainSnapshotDelete(this: LibvirtConnectionCore, snapshot: DomainSnapshot, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_SNAPSHOT_DELETE, { snap: snapshot, flags }, options);
  },
  /** Flags: REDEFINE 1, QUIESCE 2, REDEFINE_VALIDATE 4. */
  async domainCheckpointCreateXml(this: LibvirtConnectionCore, target: Domain, xml: string, flags = 0, options?: CallOptions): Promise<DomainCheckpoint> {
    return (await this.call(DOMAIN_CHECKPOINT_CREATE_XML, { dom: target, xml_desc: xml, flags }, options)).checkpoint;
  },
  async domainCheckpointGetXmlDesc(this: LibvirtConnectionCore, checkpoint: DomainCheckpoint, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(DOMAIN_CHECKPOINT_GET_XML_DESC, { checkpoint, flags }, options)).xml;
  },
  async domainListAllCheckpoints(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<DomainCheckpoint[]> {
    return (await this.call(DOMAIN_LIST_ALL_CHECKPOINTS, { dom: target, need_results: 1, flags }, options)).checkpoints;
  },
  async domainCheckpointLookupByName(this: LibvirtConnectionCore, target: Domain, name: string, flags = 0, options?: CallOptions): Promise<DomainCheckpoint> {
    return (await this.call(DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, { dom: target, name, flags }, options)).checkpoint;
  },
  /** Flags: CHILDREN 1, METADATA_ONLY 2, CHILDREN_ONLY 4. */
  async domainCheckpointDelete(this: LibvirtConnectionCore, checkpoint: DomainCheckpoint, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_CHECKPOINT_DELETE, { checkpoint, flags }, options);
  },
  /** Starts a backup job; it ends with a jobCompleted event. Flags: REUSE_EXTERNAL 1. */
  async domainBackupBegin(this: LibvirtConnectionCore, target: Domain, backupXml: string, checkpointXml: string | null, flags = 0, options?: CallOptions): Promise<void> {
    await this.call(DOMAIN_BACKUP_BEGIN, { dom: target, backup_xml: backupXml, checkpoint_xml: checkpointXml, flags }, options);
  },
  async domainBackupGetXmlDesc(this: LibvirtConnectionCore, target: Domain, flags = 0, options?: CallOptions): Promise<string> {
    return (await this.call(DOMAIN_BACKUP_GET_XML_DESC, { dom: target, flags }, options)).xml;
  },
};
