import { PLUGIN_REGISTRY_TOKEN, PluginRegistry } from '@kvmkit/core';
import { inject, injectable } from 'tsyringe';
import { EXIT, type CommandOutput } from './command-io.ts';

/** `kvmctl plugins`: loaded plugins with versions, then every configurator in run order. */
@injectable()
export class PluginsCommand {
  constructor(@inject(PLUGIN_REGISTRY_TOKEN) private readonly registry: PluginRegistry) {}

  run(output: CommandOutput): number {
    output.out('PLUGIN\tVERSION\tCORE RANGE');
    for (const { manifest } of this.registry.plugins) output.out(`${manifest.name}\t${manifest.version}\t${manifest.core}`);
    output.out('');
    output.out('ORDER\tCONFIGURATOR\tPHASE\tPLUGIN');
    this.registry.configurators().forEach(({ configurator, plugin }, index) => {
      output.out(`${String(index + 1)}\t${configurator.name}\t${configurator.phase ?? 'normal'}\t${plugin}`);
    });
    return EXIT.ok;
  }
}
