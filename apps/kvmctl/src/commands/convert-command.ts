import { CONTEXT_PROVIDER_TOKEN, CONVERTER_TOKEN, Converter, VmiInvalidError } from '@kvmkit/core';
import { withDefaults } from '@kvmkit/vmi';
import { inject, injectable } from 'tsyringe';
import type { ContextProvider } from '../composition/kvmctl-container.ts';
import { formatProblem } from '../output/format-problems.ts';
import { EXIT, loadFile, type CommandOutput } from './command-io.ts';

export type ConvertFormat = 'xml' | 'json';

/** `kvmctl convert FILE`: each VMI in FILE, defaulted then converted, printed as domain XML or typed JSON. */
@injectable()
export class ConvertCommand {
  constructor(
    @inject(CONVERTER_TOKEN) private readonly converter: Converter,
    @inject(CONTEXT_PROVIDER_TOKEN) private readonly contextProvider: ContextProvider,
  ) {}

  async run(file: string, format: ConvertFormat, output: CommandOutput): Promise<number> {
    const loaded = loadFile(file, output);
    if (loaded.errors.length > 0) return EXIT.failed;
    const context = await this.contextProvider();
    let status: number = EXIT.ok;
    const documents: string[] = [];
    for (const item of loaded.vmis) {
      try {
        const result = this.converter.convert(withDefaults(item.vmi), context);
        for (const warning of result.warnings) output.err(formatProblem(warning, item));
        documents.push(format === 'json' ? JSON.stringify(result.domain, null, 2) : result.xml.trimEnd());
      } catch (error) {
        if (!(error instanceof VmiInvalidError)) throw error;
        for (const problem of error.problems) output.err(formatProblem(problem, item));
        status = EXIT.failed;
      }
    }
    // JSON is a list whenever the file holds several VMIs, so its shape does not depend on which failed.
    if (documents.length > 0) output.out(format === 'json' && loaded.vmis.length > 1 ? `[${documents.join(',\n')}]` : documents.join('\n'));
    return status;
  }
}
