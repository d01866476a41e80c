import type { VolumeSource } from '@kvmkit/core';
import type { BasePluginOptions } from '../options.ts';

/** A volume source of the base plugin. */
export type BaseVolumeSource = VolumeSource<BasePluginOptions>;
