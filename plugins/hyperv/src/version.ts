/** This package's version (kept equal to package.json by the version test). */
export const PLUGIN_VERSION = '0.1.0';
