import { CONTEXT_PROVIDER_TOKEN, CONVERTER_TOKEN, Converter } from '@kvmkit/core';
import { withDefaults } from '@kvmkit/vmi';
import { inject, injectable } from 'tsyringe';
import type { ContextProvider } from '../composition/kvmctl-container.ts';
import { formatProblem } from '../output/format-problems.ts';
import { EXIT, loadFile, type CommandOutput } from './command-io.ts';

/**
 * `kvmctl validate FILE`: every problem of every VMI, core and plugin rules alike; exit 1 on any
 * error. Like KubeVirt's admission (mutating webhook, then validating webhook) and like `convert`,
 * it judges the VMI with its defaults applied.
 */
@injectable()
export class ValidateCommand {
  constructor(
    @inject(CONVERTER_TOKEN) private readonly converter: Converter,
    @inject(CONTEXT_PROVIDER_TOKEN) private readonly contextProvider: ContextProvider,
  ) {}

  async run(file: string, output: CommandOutput): Promise<number> {
    const loaded = loadFile(file, output);
    const context = await this.contextProvider();
    let errors = loaded.errors.length;
    let warnings = loaded.warnings.length;
    for (const item of loaded.vmis) {
      for (const problem of this.converter.validate(withDefaults(item.vmi), context)) {
        output.out(formatProblem(problem, item));
        if (problem.severity === 'error') errors += 1;
        else warnings += 1;
      }
    }
    output.err(`${String(loaded.vmis.length)} VMI(s): ${String(errors)} error(s), ${String(warnings)} warning(s)`);
    return errors > 0 ? EXIT.failed : EXIT.ok;
  }
}
