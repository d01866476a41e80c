import type { Configurator, ConfigureContext } from '@kvmkit/core';
import type { BasePluginOptions } from './options.ts';

/** A configurator of the base plugin. */
export type BaseConfigurator = Configurator<BasePluginOptions>;

/** What base configurators receive. */
export type BaseContext = ConfigureContext<BasePluginOptions>;
