import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function certtool(args: string[]): void {
  execFileSync('certtool', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function privateKey(path: string): void {
  certtool(['--generate-privkey', '--outfile', path]);
}

/** A CA, signed by itself, in `dir` (cacert.pem, cakey.pem). */
export function makeCertificateAuthority(dir: string, name: string): { cert: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'cakey.pem');
  const cert = join(dir, 'cacert.pem');
  privateKey(key);
  writeFileSync(join(dir, 'ca.info'), `cn = ${name}\nca\ncert_signing_key\nexpiration_days = 2\n`);
  certtool(['--generate-self-signed', '--load-privkey', key, '--template', join(dir, 'ca.info'), '--outfile', cert]);
  return { cert, key };
}

/** A certificate signed by `ca` for a server (127.0.0.1) or a client. */
export function makeCertificate(ca: { cert: string; key: string }, dir: string, role: 'server' | 'client'): { cert: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const key = join(dir, `${role}key.pem`);
  const cert = join(dir, `${role}cert.pem`);
  privateKey(key);
  const usage = role === 'server' ? 'tls_www_server\nip_address = 127.0.0.1\ndns_name = localhost' : 'tls_www_client';
  writeFileSync(join(dir, `${role}.info`), `organization = kvmkit\ncn = ${role === 'server' ? '127.0.0.1' : 'kvmkit-client'}\n${usage}\nsigning_key\nencryption_key\nexpiration_days = 2\n`);
  certtool(['--generate-certificate', '--load-privkey', key, '--load-ca-certificate', ca.cert, '--load-ca-privkey', ca.key, '--template', join(dir, `${role}.info`), '--outfile', cert]);
  return { cert, key };
}
