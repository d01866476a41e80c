import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIso } from './build-iso.ts';

const execFileAsync = promisify(execFile);
const encoder = new TextEncoder();
const directory = mkdtempSync(join(tmpdir(), 'kvmkit-iso-'));
afterAll(() => { rmSync(directory, { recursive: true, force: true }); });

async function isoinfo(...args: string[]): Promise<string> {
  return (await execFileAsync('isoinfo', args, { encoding: 'utf8' })).stdout;
}

const hasIsoinfo = await execFileAsync('isoinfo', ['-version']).then(() => true, () => false);

function sampleIso(): Uint8Array {
  return buildIso('cidata', new Map([
    ['meta-data', encoder.encode('instance-id: vm.lab\n')],
    ['user-data', encoder.encode('#cloud-config\n')],
    ['openstack/latest/meta_data.json', encoder.encode('{"uuid":"x"}\n')],
    ['big.bin', new Uint8Array(5000).fill(0x41)],
  ]));
}

describe('buildIso', () => {
  it('writes the ISO 9660 and Joliet descriptors, sector aligned', () => {
    const image = sampleIso();
    expect(image.length % 2048).toBe(0);
    const text = (offset: number, length: number): string => new TextDecoder().decode(image.subarray(offset, offset + length));
    expect([image[16 * 2048], text(16 * 2048 + 1, 5), text(16 * 2048 + 40, 6)]).toEqual([1, 'CD001', 'cidata']);
    expect([image[17 * 2048], text(17 * 2048 + 88, 3)]).toEqual([2, '%/E']);
    expect([image[18 * 2048], text(18 * 2048 + 1, 5)]).toEqual([255, 'CD001']);
  });

  it('is deterministic', () => {
    expect(Buffer.from(sampleIso()).equals(Buffer.from(sampleIso()))).toBe(true);
  });

  it('refuses .. in paths, names that collide, and long labels', () => {
    expect(() => buildIso('x', new Map([['../etc/passwd', new Uint8Array()]]))).toThrow(/'\.\.' part/);
    expect(() => buildIso('x', new Map([['a+b', new Uint8Array()], ['a_b', new Uint8Array()]]))).toThrow(/same identifier/);
    expect(() => buildIso('a-label-longer-than-16', new Map())).toThrow(/longer than 16/);
  });

  it.skipIf(!hasIsoinfo)('reads back with isoinfo: label, Joliet names, ISO 9660 names and contents', async () => {
    const file = join(directory, 'sample.iso');
    writeFileSync(file, sampleIso());
    expect(await isoinfo('-d', '-i', file)).toMatch(/Volume id: cidata[\s\S]*Joliet with UCS level 3 found/);
    const joliet = await isoinfo('-J', '-f', '-i', file);
    expect(joliet.split('\n').filter(Boolean).sort()).toEqual(['/big.bin;1', '/meta-data;1', '/openstack', '/openstack/latest', '/openstack/latest/meta_data.json;1', '/user-data;1']);
    const primary = await isoinfo('-f', '-i', file);
    expect(primary).toContain('/META-DATA.;1');
    expect(await isoinfo('-J', '-x', '/meta-data;1', '-i', file)).toBe('instance-id: vm.lab\n');
    expect(await isoinfo('-J', '-x', '/openstack/latest/meta_data.json;1', '-i', file)).toBe('{"uuid":"x"}\n');
    expect((await isoinfo('-x', '/BIG.BIN;1', '-i', file)).length).toBe(5000);
  });
});
