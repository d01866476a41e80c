import type { CompletionOption, CompletionTree } from './command-tree.ts';

/** Escapes text for a single-quoted zsh word inside an `_arguments` spec (brackets and colons are syntax there). */
function spec(text: string): string {
  return text.replace(/([[\]:\\])/g, '\\$1').replace(/'/g, `'\\''`);
}

function argumentSpecs(options: readonly CompletionOption[]): string[] {
  return options.map((option) => {
    const names = option.flags.length > 1 ? `(${option.flags.join(' ')})'{${option.flags.join(',')}}'` : option.flags.join('');
    const value = option.takesValue ? `:value:${option.choices.length > 0 ? `(${option.choices.join(' ')})` : '_files'}` : '';
    return `'${names}[${spec(option.description)}]${value}'`;
  });
}

/** A zsh completion function (`#compdef`), for a file named `_<program>` on `$fpath` or `source`d. */
export function zshCompletionScript(tree: CompletionTree): string {
  const functionName = `_${tree.program.replace(/[^A-Za-z0-9_]/g, '_')}`;
  return [
    `#compdef ${tree.program}`,
    `# zsh completion for ${tree.program}; load with: source <(${tree.program} completion zsh)`,
    `${functionName}() {`,
    '  local -a commands',
    '  local curcontext="$curcontext" state line',
    `  commands=(${tree.commands.map((command) => `'${spec(command.name)}:${command.description.replace(/'/g, `'\\''`)}'`).join(' ')})`,
    '  _arguments -C \\',
    ...argumentSpecs(tree.globalOptions).map((entry) => `    ${entry} \\`),
    "    '1: :->command' \\",
    "    '*:: :->arguments'",
    '  case $state in',
    "    command) _describe 'command' commands ;;",
    '    arguments)',
    '      case $line[1] in',
    ...tree.commands.map((command) => `        ${command.name}) _arguments ${argumentSpecs(command.options).join(' ')} '*:file:_files' ;;`),
    '      esac ;;',
    '  esac',
    '}',
    `if [[ $zsh_eval_context[-1] == loadautofunc ]]; then ${functionName} "$@"; else compdef ${functionName} ${tree.program}; fi`,
    '',
  ].join('\n');
}
