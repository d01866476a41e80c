import { Command, CommanderError, Option } from 'commander';
import type { DependencyContainer } from 'tsyringe';
import { EXIT, type CommandOutput } from './commands/command-io.ts';
import { ConvertCommand, type ConvertFormat } from './commands/convert-command.ts';
import { PluginsCommand } from './commands/plugins-command.ts';
import { ValidateCommand } from './commands/validate-command.ts';
import { createKvmctlContainer } from './composition/kvmctl-container.ts';
import { resolveSettings, type SettingsFlags } from './composition/kvmctl-settings.ts';

interface GlobalFlags extends SettingsFlags {
  debug?: boolean;
}

const EXAMPLES = {
  convert: `
Examples:
  kvmctl convert vmi.yaml                      print the libvirt domain XML
  kvmctl convert vm.yaml -o json               print the typed domain model
  kvmctl convert vmi.yaml --virt-type qemu     convert for emulation (TCG) instead of KVM
  kvmctl convert vmi.yaml --plugins base,tpm   use only these plugins`,
  validate: `
Examples:
  kvmctl validate vmi.yaml                     every problem, with file:line and field path
  cat vmi.yaml | kvmctl validate -             read the manifest from stdin`,
  plugins: `
Examples:
  kvmctl plugins                               loaded plugins and configurators in run order
  kvmctl plugins --plugins base,my-plugin-pkg  what an agent with these plugins would run`,
};

/** Builds the kvmctl program. `output` receives everything it prints, so tests can run it in-process. */
export function buildProgram(output: CommandOutput, setExitCode: (code: number) => void): Command {
  const program = new Command('kvmctl')
    .description('Convert, validate and run KubeVirt VirtualMachineInstances on libvirt.')
    .option('--config <file>', 'config file with plugins, options and virtType (default ~/.config/kvmkit/kvmctl.yaml)')
    .option('--plugins <names>', 'comma-separated plugins to load: kvmkit short names or package names')
    .option('--options <file>', 'YAML/JSON file of options per plugin name')
    .addOption(new Option('--virt-type <type>', 'libvirt domain type to convert for').choices(['kvm', 'qemu']))
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => { output.out(text.trimEnd()); }, writeErr: (text) => { output.err(text.trimEnd()); } })
    .exitOverride();

  const scoped = async (): Promise<DependencyContainer> => createKvmctlContainer(resolveSettings(program.opts<GlobalFlags>()));

  program.command('convert')
    .description('print the domain XML for each VMI in FILE (- for stdin); works offline')
    .argument('<file>', 'VMI, VirtualMachine or list, YAML or JSON')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['xml', 'json']).default('xml'))
    .addHelpText('after', EXAMPLES.convert)
    .action(async (file: string, flags: { output: ConvertFormat }) => {
      setExitCode(await (await scoped()).resolve(ConvertCommand).run(file, flags.output, output));
    });

  program.command('validate')
    .description('print every problem of each VMI in FILE with its field path; exit 1 on any error; works offline')
    .argument('<file>', 'VMI, VirtualMachine or list, YAML or JSON')
    .addHelpText('after', EXAMPLES.validate)
    .action(async (file: string) => {
      setExitCode(await (await scoped()).resolve(ValidateCommand).run(file, output));
    });

  program.command('plugins')
    .description('list loaded plugins, their versions and the configurators in run order')
    .addHelpText('after', EXAMPLES.plugins)
    .action(async () => {
      setExitCode((await scoped()).resolve(PluginsCommand).run(output));
    });

  return program;
}

/** Runs kvmctl with `argv` (without node and script); resolves to the exit code. Errors are one line, stacks with --debug. */
export async function runKvmctl(argv: readonly string[], output: CommandOutput): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(output, (code) => { exitCode = code; });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const debug = argv.includes('--debug');
    output.err(`kvmctl: ${error instanceof Error ? error.message : String(error)}`);
    if (debug && error instanceof Error && error.stack !== undefined) output.err(error.stack);
    return EXIT.failed;
  }
}
