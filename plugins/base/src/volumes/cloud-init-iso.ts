import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CloudInitNoCloudSource, VirtualMachineInstance } from '@kvmkit/vmi';
import { buildIso } from '../iso9660/build-iso.ts';
import type { BasePluginOptions } from '../options.ts';
import { decodeBase64Strict, networkDataSource, userDataSource, type CloudInitDocumentSource, type CloudInitKind } from './cloud-init-data.ts';

const encoder = new TextEncoder();

async function readSecretKey(directory: string, keys: readonly string[], fieldPath: string): Promise<Uint8Array> {
  for (const key of keys) {
    try {
      return Uint8Array.from(await readFile(join(directory, key)));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`${fieldPath}: the secret directory ${directory} has none of ${keys.join(', ')}`);
}

/** The bytes of one cloud-init document, or undefined when none is given. */
async function documentBytes(source: CloudInitDocumentSource, fieldPath: string, secretKeys: readonly string[], options: BasePluginOptions): Promise<Uint8Array | undefined> {
  switch (source.kind) {
    case 'none': return undefined;
    case 'inline': return encoder.encode(source.text);
    case 'base64': {
      const decoded = decodeBase64Strict(source.encoded);
      if (decoded === undefined) throw new Error(`${fieldPath}.${source.field}: not valid base64`);
      return decoded;
    }
    case 'secret': {
      const directory = options.secretDirectories[source.secretName];
      if (directory === undefined) throw new Error(`${fieldPath}.${source.field}: secret '${source.secretName}' is not in the base plugin option secretDirectories`);
      return readSecretKey(directory, secretKeys, `${fieldPath}.${source.field}`);
    }
  }
}

/** The instance id cloud-init sees; it re-runs per-instance modules when it changes. */
export function cloudInitInstanceId(vmi: VirtualMachineInstance): string {
  return `${vmi.metadata?.name ?? ''}.${vmi.metadata?.namespace ?? 'default'}`;
}

/**
 * The files of a cloud-init ISO. NoCloud (label `cidata`): `meta-data`, `user-data`,
 * `network-config`. Config drive (label `config-2`): `openstack/latest/meta_data.json`,
 * `user_data`, `network_data.json`. Meta data names the instance and host like KubeVirt's.
 */
export async function cloudInitIsoImage(vmi: VirtualMachineInstance, kind: CloudInitKind, source: CloudInitNoCloudSource, fieldPath: string, options: BasePluginOptions): Promise<Uint8Array> {
  const userData = await documentBytes(userDataSource(source), fieldPath, ['userdata', 'userData'], options);
  const networkData = await documentBytes(networkDataSource(source), fieldPath, ['networkdata', 'networkData'], options);
  const name = vmi.metadata?.name ?? '';
  const files = new Map<string, Uint8Array>();
  if (kind === 'cloudInitNoCloud') {
    files.set('meta-data', encoder.encode(`instance-id: ${cloudInitInstanceId(vmi)}\nlocal-hostname: ${name}\n`));
    files.set('user-data', userData ?? new Uint8Array());
    if (networkData !== undefined) files.set('network-config', networkData);
    return buildIso('cidata', files);
  }
  const metaData = { uuid: vmi.metadata?.uid ?? vmi.spec.domain.firmware?.uuid ?? cloudInitInstanceId(vmi), instance_id: cloudInitInstanceId(vmi), hostname: name, name };
  files.set('openstack/latest/meta_data.json', encoder.encode(`${JSON.stringify(metaData)}\n`));
  if (userData !== undefined) files.set('openstack/latest/user_data', userData);
  if (networkData !== undefined) files.set('openstack/latest/network_data.json', networkData);
  return buildIso('config-2', files);
}
