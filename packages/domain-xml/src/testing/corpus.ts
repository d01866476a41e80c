// Test helper: libvirt's domain XML corpus, read relative to the repository root.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export const corpusDirectory = path.resolve(repositoryRoot, '..', 'shared', 'data', 'libvirt-domain-xml');
export const domainSchema = '/usr/share/libvirt/schemas/domain.rng';

export function corpusFiles(): string[] {
  if (!existsSync(corpusDirectory)) return [];
  return readdirSync(corpusDirectory)
    .filter((file) => file.endsWith('.xml'))
    .sort()
    .map((file) => path.join(corpusDirectory, file));
}
