import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** libvirt's own RelaxNG schema for domain XML, as Debian's libvirt packages install it. */
export const LIBVIRT_DOMAIN_SCHEMA = '/usr/share/libvirt/schemas/domain.rng';

/**
 * The domain schema of a newer libvirt than the host's, for XML the host's libvirt predates
 * (Debian 12's libvirt 9.0 knows no `<launchSecurity type='sev-snp'>` or `'tdx'`). setup
 * unpacks it into kvmkit's cache with `scripts/fetch-libvirt-schemas.sh`.
 */
export function newerLibvirtDomainSchema(env: NodeJS.ProcessEnv = process.env): string {
  const cacheRoot = env.KVMKIT_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kvmkit');
  const schema = join(cacheRoot, 'libvirt-schemas', 'current', 'domain.rng');
  if (!existsSync(schema)) throw new Error(`no newer libvirt schema at ${schema}: run scripts/setup.sh, which fetches it with scripts/fetch-libvirt-schemas.sh`);
  return schema;
}

export interface SchemaValidation {
  valid: boolean;
  /** xmllint's messages when invalid. */
  errors: string;
}

/** Validates a domain XML document against libvirt's RelaxNG schema with `xmllint` (libxml2-utils). */
export async function validateDomainXml(xml: string, schema: string = LIBVIRT_DOMAIN_SCHEMA): Promise<SchemaValidation> {
  const directory = mkdtempSync(join(tmpdir(), 'kvmkit-xmllint-'));
  const file = join(directory, 'domain.xml');
  writeFileSync(file, xml);
  try {
    return await new Promise((resolve, reject) => {
      execFile('xmllint', ['--noout', '--relaxng', schema, file], (error, _stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(new Error(`could not run xmllint (install the Debian package libxml2-utils): ${error.message}`));
          return;
        }
        resolve(error === null ? { valid: true, errors: '' } : { valid: false, errors: stderr.replaceAll(file, 'domain.xml').trim() });
      });
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
