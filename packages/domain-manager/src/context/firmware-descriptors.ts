import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FirmwareDescriptorFacts } from './parse-host-capabilities.ts';

/** Where QEMU and libvirt look for firmware descriptors, lowest precedence last. */
export const FIRMWARE_DESCRIPTOR_DIRECTORIES = ['/etc/qemu/firmware', '/usr/share/qemu/firmware'] as const;

interface DescriptorShape {
  mapping?: { executable?: { filename?: unknown }; 'nvram-template'?: { filename?: unknown } };
  features?: unknown;
}

/**
 * Reads QEMU's firmware descriptors (the JSON files libvirt itself uses to pick firmware) into a
 * map from code image path to its secure-boot flag and variables template. Unreadable files
 * and directories are skipped: the descriptors refine the context, they are not required.
 */
export async function readFirmwareDescriptors(directories: readonly string[] = FIRMWARE_DESCRIPTOR_DIRECTORIES): Promise<Map<string, FirmwareDescriptorFacts>> {
  const facts = new Map<string, FirmwareDescriptorFacts>();
  for (const directory of directories) {
    let names: string[];
    try {
      names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      let descriptor: DescriptorShape;
      try {
        descriptor = JSON.parse(await readFile(join(directory, name), 'utf8')) as DescriptorShape;
      } catch {
        continue;
      }
      const code = descriptor.mapping?.executable?.filename;
      if (typeof code !== 'string' || facts.has(code)) continue;
      const template = descriptor.mapping?.['nvram-template']?.filename;
      const features = Array.isArray(descriptor.features) ? descriptor.features : [];
      facts.set(code, { secureBoot: features.includes('secure-boot'), ...(typeof template === 'string' ? { varsTemplate: template } : {}) });
    }
  }
  return facts;
}
