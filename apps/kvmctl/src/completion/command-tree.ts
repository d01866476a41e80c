import type { Command, Option } from 'commander';

/** One option as a completion script needs it: its flags, whether it takes a value, its choices. */
export interface CompletionOption {
  flags: string[];
  description: string;
  takesValue: boolean;
  choices: readonly string[];
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
}

/** The program's global options and subcommands, read from commander's definition (never a hand-kept list). */
export interface CompletionTree {
  program: string;
  globalOptions: CompletionOption[];
  commands: CompletionCommand[];
}

const HELP: CompletionOption = { flags: ['-h', '--help'], description: 'display help', takesValue: false, choices: [] };

function optionOf(option: Option): CompletionOption {
  return {
    flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
  };
}

export function completionTree(program: Command): CompletionTree {
  return {
    program: program.name(),
    globalOptions: [...program.options.map(optionOf), HELP],
    commands: program.commands.map((command) => ({ name: command.name(), description: command.description(), options: [...command.options.map(optionOf), HELP] })),
  };
}
