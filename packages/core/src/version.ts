import { createRequire } from 'node:module';

/** This copy of @kvmkit/core's version, read from its own package.json (src/ and dist/ sit beside it). */
export const CORE_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
