import { describe, expect, it } from 'vitest';
import { backupXml, checkpointXml } from './backup-xml.ts';

describe('backup documents', () => {
  const disks = [{ disk: 'vda' }, { disk: 'vdb', path: "/backups/vdb'1.qcow2" }];

  it('writes a push-mode incremental backup that leaves unlisted disks out', () => {
    const xml = backupXml(disks, 'first');
    expect(xml).toContain("<domainbackup mode='push'>");
    expect(xml).toContain('<incremental>first</incremental>');
    expect(xml).toContain("<disk name='vda' backup='no'/>");
    expect(xml).toContain("<disk name='vdb' backup='yes' type='file'><driver type='qcow2'/><target file='/backups/vdb&apos;1.qcow2'/></disk>");
  });

  it('writes a full backup without <incremental>', () => {
    expect(backupXml(disks)).not.toContain('incremental');
  });

  it('puts a bitmap only on the backed-up disks of the checkpoint', () => {
    const xml = checkpointXml('second', disks);
    expect(xml).toContain('<name>second</name>');
    expect(xml).toContain("<disk name='vda' checkpoint='no'/>");
    expect(xml).toContain("<disk name='vdb' checkpoint='bitmap'/>");
  });
});
