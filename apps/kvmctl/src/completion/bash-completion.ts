import type { CompletionOption, CompletionTree } from './command-tree.ts';

const words = (options: readonly CompletionOption[]): string => options.flatMap((option) => option.flags).join(' ');

/** Completion for a `prev` word that is an option with choices: offer its choices. */
function choiceCases(options: readonly CompletionOption[]): string[] {
  return options.filter((option) => option.choices.length > 0)
    .map((option) => `      ${option.flags.join('|')}) COMPREPLY=($(compgen -W '${option.choices.join(' ')}' -- "$cur")); return ;;`);
}

/** A bash completion function for the program, registered with `complete -F`. */
export function bashCompletionScript(tree: CompletionTree): string {
  const functionName = `_${tree.program.replace(/[^A-Za-z0-9_]/g, '_')}_completion`;
  const commandNames = tree.commands.map((command) => command.name);
  const allOptions = [...tree.globalOptions, ...tree.commands.flatMap((command) => command.options)];
  const valueOptions = [...new Set(allOptions.filter((option) => option.takesValue && option.choices.length === 0).flatMap((option) => option.flags))];
  return [
    `# bash completion for ${tree.program}; load with: source <(${tree.program} completion bash)`,
    `${functionName}() {`,
    '  local cur prev command word index',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  command=""',
    '  for ((index = 1; index < COMP_CWORD; index++)); do',
    '    word="${COMP_WORDS[index]}"',
    '    case "$word" in',
    `      ${commandNames.join('|')}) command="$word"; break ;;`,
    '    esac',
    '  done',
    '  case "$prev" in',
    ...choiceCases(allOptions),
    ...(valueOptions.length === 0 ? [] : [`      ${valueOptions.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`]),
    '  esac',
    '  case "$command" in',
    ...tree.commands.map((command) => `    ${command.name}) COMPREPLY=($(compgen -W '${words(command.options)}' -- "$cur")) ;;`),
    `    *) COMPREPLY=($(compgen -W '${commandNames.join(' ')} ${words(tree.globalOptions)}' -- "$cur")) ;;`,
    '  esac',
    '}',
    `complete -o default -F ${functionName} ${tree.program}`,
    '',
  ].join('\n');
}
