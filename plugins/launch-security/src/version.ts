/** This package's version, as its package.json says (checked by a test). */
export const PLUGIN_VERSION = '0.1.0';
