import type { VmiProblem, VmiRule } from '@kvmkit/vmi';
import { CLOUD_INIT_KINDS, decodeBase64Strict, isCloudInitPayload } from './cloud-init-data.ts';

const RULE = 'base:cloud-init';

type Fields = Record<string, unknown>;

/** Checks one user/network data group: one source at most, base64 that decodes to cloud-init data. */
function checkDocument(source: Fields, path: string, fields: readonly [string, string, string], problems: VmiProblem[]): void {
  const [inline, base64] = fields;
  const given = fields.filter((field) => source[field] !== undefined);
  if (given.length > 1) problems.push({ path, reason: `give only one of ${given.join(', ')}`, severity: 'error', rule: RULE });
  if (source[inline] !== undefined && typeof source[inline] !== 'string') problems.push({ path: `${path}.${inline}`, reason: 'must be a string', severity: 'error', rule: RULE });
  const encoded = source[base64];
  if (encoded !== undefined) {
    const decoded = typeof encoded === 'string' ? decodeBase64Strict(encoded) : undefined;
    if (decoded === undefined) problems.push({ path: `${path}.${base64}`, reason: 'is not valid base64', severity: 'error', rule: RULE });
    else if (!isCloudInitPayload(decoded)) problems.push({ path: `${path}.${base64}`, reason: 'decodes to data that is neither UTF-8 text nor gzip, which cloud-init cannot read', severity: 'error', rule: RULE });
  }
}

/** Admission rule for cloudInitNoCloud and cloudInitConfigDrive volumes. */
export const cloudInitRule: VmiRule = {
  name: RULE,
  validate(vmi) {
    const problems: VmiProblem[] = [];
    const volumes: unknown = (vmi as { spec?: { volumes?: unknown } }).spec?.volumes;
    if (!Array.isArray(volumes)) return problems;
    volumes.forEach((volume: unknown, index) => {
      for (const kind of CLOUD_INIT_KINDS) {
        const source = (volume as Fields | null)?.[kind];
        if (source === undefined || source === null || typeof source !== 'object') continue;
        const path = `spec.volumes[${String(index)}].${kind}`;
        const fields = source as Fields;
        checkDocument(fields, path, ['userData', 'userDataBase64', 'secretRef'], problems);
        checkDocument(fields, path, ['networkData', 'networkDataBase64', 'networkDataSecretRef'], problems);
        if (['userData', 'userDataBase64', 'secretRef', 'networkData', 'networkDataBase64', 'networkDataSecretRef'].every((field) => fields[field] === undefined)) {
          problems.push({ path, reason: 'give userData, userDataBase64, secretRef or network data', severity: 'error', rule: RULE });
        }
      }
    });
    return problems;
  },
};
