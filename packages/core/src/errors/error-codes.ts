/**
 * Every error code @kvmkit/core raises, with what it means and how to resolve it. This table is
 * the single source: `docs/errors.md` is checked against it by a test.
 */
export const CORE_ERROR_CODES = {
  PLUGIN_INVALID_MANIFEST: 'A plugin manifest is missing a field or has one of the wrong shape.',
  PLUGIN_UNSUPPORTED_SPECIFICATION: "A plugin or configurator declares a specificationVersion this core does not implement.",
  PLUGIN_CORE_RANGE_MISMATCH: "This core's version is outside the range of core versions the plugin supports.",
  PLUGIN_DUPLICATE_NAME: 'Two plugins with the same name were registered.',
  PLUGIN_DEPENDENCY_MISSING: 'A plugin requires another plugin that was not registered before it.',
  PLUGIN_OPTIONS_INVALID: "The options given to a plugin do not match the plugin's options schema.",
  PLUGIN_UNKNOWN: 'Options were given for a plugin that is not registered.',
  CONFIGURATOR_DUPLICATE_NAME: 'Two configurators with the same name were registered.',
  CONFIGURATOR_ORDER_CYCLE: "Configurators' before/after constraints form a cycle.",
  CONFIGURATOR_FAILED: "A configurator's configure or validate threw.",
  EXTENSION_DUPLICATE: 'Two extensions (volume sources, network bindings) of one kind share a name.',
  EXTENSION_UNKNOWN: 'A VMI uses an extension (a volume source, a network binding) no registered plugin provides.',
  VMI_INVALID: 'The VMI has validation errors; each problem carries its field path.',
} as const;

export type CoreErrorCode = keyof typeof CORE_ERROR_CODES;
