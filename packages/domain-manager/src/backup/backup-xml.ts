// The two documents libvirt's backup-begin takes: the push-mode backup (which disks go to which
// file, and the checkpoint an incremental is relative to) and the checkpoint it creates.

/** One disk of the domain and where its backup goes (absent: not backed up). */
export interface BackupDiskPlan {
  /** Target name (`vdb`). */
  disk: string;
  /** The qcow2 file libvirt writes; absent for disks left out of this backup. */
  path?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
}

/**
 * `<domainbackup mode='push'>`: every disk of the domain is listed, so disks left out are
 * `backup='no'` rather than libvirt's default of backing up all of them.
 */
export function backupXml(disks: readonly BackupDiskPlan[], incrementalFrom?: string): string {
  const lines = ["<domainbackup mode='push'>"];
  if (incrementalFrom !== undefined) lines.push(`  <incremental>${escapeXml(incrementalFrom)}</incremental>`);
  lines.push('  <disks>');
  for (const { disk, path } of disks) {
    lines.push(path === undefined
      ? `    <disk name='${escapeXml(disk)}' backup='no'/>`
      : `    <disk name='${escapeXml(disk)}' backup='yes' type='file'><driver type='qcow2'/><target file='${escapeXml(path)}'/></disk>`);
  }
  lines.push('  </disks>', '</domainbackup>');
  return lines.join('\n');
}

/** `<domaincheckpoint>`: a bitmap on each backed-up disk, none on the others. */
export function checkpointXml(name: string, disks: readonly BackupDiskPlan[]): string {
  const entries = disks.map(({ disk, path }) => `    <disk name='${escapeXml(disk)}' checkpoint='${path === undefined ? 'no' : 'bitmap'}'/>`);
  return [`<domaincheckpoint>`, `  <name>${escapeXml(name)}</name>`, '  <disks>', ...entries, '  </disks>', '</domaincheckpoint>'].join('\n');
}
