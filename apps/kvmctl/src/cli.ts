import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { quantityToBytes } from '@kvmkit/vmi';
import type { DependencyContainer } from 'tsyringe';
import { EXIT, type CommandOutput } from './commands/command-io.ts';
import { ConvertCommand, type ConvertFormat } from './commands/convert-command.ts';
import { PluginsCommand } from './commands/plugins-command.ts';
import { ValidateCommand } from './commands/validate-command.ts';
import { GetCommand, type GetFormat } from './commands/get-command.ts';
import { ExecCommand, GuestCommand } from './commands/guest-command.ts';
import { LifecycleCommand, type LifecycleAction } from './commands/lifecycle-command.ts';
import { RunCommand } from './commands/run-command.ts';
import { qualifiedVmiName } from './commands/vmi-name.ts';
import { ConsoleCommand } from './commands/console-command.ts';
import { DescribeCommand } from './commands/describe-command.ts';
import { EventsCommand } from './commands/events-command.ts';
import { MemoryCommand, VcpusCommand } from './commands/hotplug-command.ts';
import { ScreenshotCommand } from './commands/screenshot-command.ts';
import type { TerminalIo } from './commands/terminal-io.ts';
import { bashCompletionScript } from './completion/bash-completion.ts';
import { completionTree } from './completion/command-tree.ts';
import { zshCompletionScript } from './completion/zsh-completion.ts';
import { createKvmctlContainer } from './composition/kvmctl-container.ts';
import { resolveSettings, type SettingsFlags } from './composition/kvmctl-settings.ts';
import { createManagerScope } from './composition/manager-scope.ts';

interface GlobalFlags extends SettingsFlags {
  debug?: boolean;
  connect?: string;
  namespace?: string;
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
  run: `
Examples:
  kvmctl run vmi.yaml                          define and start, wait until running
  kvmctl run vmi.yaml --wait-agent             … and until the guest agent answers
  kvmctl -c qemu:///system run vm.yaml         on the system libvirtd`,
  get: `
Examples:
  kvmctl get                                   every VMI: phase, vCPUs, memory, IPs, agent
  kvmctl get demo -o yaml                      one VMI with its status and conditions`,
  lifecycle: `
Examples:
  kvmctl pause demo ; kvmctl unpause demo
  kvmctl stop demo --grace 30                  ACPI shutdown, destroy after 30 s
  kvmctl delete -n lab demo                    undefine (NVRAM and TPM state removed)`,
  guest: `
Examples:
  kvmctl guest demo                            OS, users, file systems and interfaces from the agent
  kvmctl exec demo -- uname -r                 run a command in the guest, exit with its code`,
  describe: `
Examples:
  kvmctl describe demo                         spec of the live domain, status, conditions, events
  kvmctl describe -n lab web                   a VMI in namespace lab`,
  console: `
Examples:
  kvmctl console demo                          the serial console; Ctrl-] leaves it
  kvmctl console demo --force                  take over a console another client holds
  kvmctl console demo --device serial1         another serial or console device, by alias`,
  screenshot: `
Examples:
  kvmctl screenshot demo -o demo.png           the first screen as PNG (QEMU >= 7.1)`,
  vcpus: `
Examples:
  kvmctl vcpus demo 4                          plug vCPUs up to 4 (within the domain's maximum)
  kvmctl vcpus demo 2                          unplug down to 2`,
  memory: `
Examples:
  kvmctl memory demo 2Gi                       resize the guest's memory through its virtio-mem device
  kvmctl memory demo 1536Mi                    any Kubernetes quantity`,
  events: `
Examples:
  kvmctl events                                status changes of every VMI, one line each; Ctrl-C stops
  kvmctl events demo                           only demo's`,
  completion: `
Examples:
  source <(kvmctl completion bash)             enable completion in this bash
  kvmctl completion bash > /etc/bash_completion.d/kvmctl
  kvmctl completion zsh > "\${fpath[1]}/_kvmctl"`,
  plugins: `
Examples:
  kvmctl plugins                               loaded plugins and configurators in run order
  kvmctl plugins --plugins base,my-plugin-pkg  what an agent with these plugins would run`,
};

function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('must be a positive whole number.');
  return Number(value);
}

function memorySize(value: string): { text: string; bytes: bigint } {
  try {
    const bytes = quantityToBytes(value);
    if (bytes <= 0n) throw new InvalidArgumentError('must be more than zero.');
    return { text: value, bytes };
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError(`is not a Kubernetes quantity (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Builds the kvmctl program. `output` receives everything it prints, so tests can run it in-process. */
export function buildProgram(output: CommandOutput, setExitCode: (code: number) => void, terminal: TerminalIo = { input: process.stdin, output: process.stdout }): Command {
  const program = new Command('kvmctl')
    .description('Convert, validate and run KubeVirt VirtualMachineInstances on libvirt.')
    .option('--config <file>', 'config file with plugins, options and virtType (default ~/.config/kvmkit/kvmctl.yaml)')
    .option('--plugins <names>', 'comma-separated plugins to load: kvmkit short names or package names')
    .option('--options <file>', 'YAML/JSON file of options per plugin name')
    .addOption(new Option('--virt-type <type>', 'libvirt domain type to convert for').choices(['kvm', 'qemu']))
    .option('-c, --connect <uri>', 'libvirt URI (default: LIBVIRT_DEFAULT_URI, the system libvirtd, else kvmkit\'s own)')
    .option('-n, --namespace <namespace>', 'namespace of NAME arguments', 'default')
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

  const withManager = async (work: (scope: DependencyContainer) => Promise<number>): Promise<void> => {
    const flags = program.opts<GlobalFlags>();
    const scope = await createManagerScope(resolveSettings(flags), flags.connect);
    try {
      setExitCode(await work(scope.container));
    } finally {
      await scope.close();
    }
  };
  const nameOf = (name: string): string => qualifiedVmiName(name, program.opts<GlobalFlags>().namespace);

  program.command('run')
    .description('prepare volumes, define and start each VMI in FILE, and wait until it runs')
    .argument('<file>', 'VMI, VirtualMachine or list, YAML or JSON')
    .option('--wait-agent', 'also wait until the guest agent answers')
    .option('--timeout <seconds>', 'how long to wait', '300')
    .addHelpText('after', EXAMPLES.run)
    .action(async (file: string, flags: { waitAgent?: boolean; timeout: string }) => {
      await withManager((scope) => scope.resolve(RunCommand).run(file, { waitAgent: flags.waitAgent === true, timeoutSeconds: Number(flags.timeout) }, output));
    });

  for (const [command, description] of [['get', 'show VMIs (all, or NAME) with phase, vCPUs, memory, IPs and agent'], ['list', 'show every VMI (same as get)']] as const) {
    program.command(command)
      .description(description)
      .argument('[name]', 'VMI name')
      .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
      .addHelpText('after', EXAMPLES.get)
      .action(async (name: string | undefined, flags: { output: GetFormat }) => {
        await withManager((scope) => scope.resolve(GetCommand).run(name === undefined ? undefined : nameOf(name), flags.output, output));
      });
  }

  const lifecycle: [LifecycleAction, string][] = [
    ['pause', 'pause the VMI (remembered: sync does not resume it)'],
    ['unpause', 'resume a paused VMI'],
    ['stop', 'ACPI shutdown, then destroy when the grace period is over'],
    ['kill', 'destroy at once'],
    ['restart', 'reboot through the guest agent, else ACPI'],
    ['delete', 'stop and undefine, removing NVRAM and TPM state'],
  ];
  for (const [action, description] of lifecycle) {
    const command = program.command(action).description(description).argument('<name>', 'VMI name').addHelpText('after', EXAMPLES.lifecycle);
    if (action === 'stop') command.option('--grace <seconds>', 'grace period before destroy', '30');
    command.action(async (name: string, flags: { grace?: string }) => {
      await withManager((scope) => scope.resolve(LifecycleCommand).run(action, nameOf(name), Number(flags.grace ?? '0'), output));
    });
  }

  program.command('guest')
    .description('what the guest agent reports: OS, users, file systems, interfaces')
    .argument('<name>', 'VMI name')
    .addHelpText('after', EXAMPLES.guest)
    .action(async (name: string) => {
      await withManager((scope) => scope.resolve(GuestCommand).run(nameOf(name), output));
    });

  program.command('exec')
    .description('run a command in the guest through the agent and exit with its exit code')
    .argument('<name>', 'VMI name')
    .argument('<command...>', 'command and arguments, after --')
    .option('--timeout <seconds>', 'how long the command may run', '60')
    .addHelpText('after', EXAMPLES.guest)
    .action(async (name: string, command: string[], flags: { timeout: string }) => {
      await withManager((scope) => scope.resolve(ExecCommand).run(nameOf(name), command, Number(flags.timeout), output));
    });

  program.command('describe')
    .description('show the live domain spec (vCPUs, memory, disks, interfaces), status, conditions and events of a VMI')
    .argument('<name>', 'VMI name')
    .addHelpText('after', EXAMPLES.describe)
    .action(async (name: string) => {
      await withManager((scope) => scope.resolve(DescribeCommand).run(nameOf(name), output));
    });

  program.command('console')
    .description('attach this terminal to the VMI\'s serial console; Ctrl-] detaches')
    .argument('<name>', 'VMI name')
    .option('--device <alias>', 'console or serial device alias (default: the first console)')
    .option('--force', 'disconnect another client that holds the console')
    .addHelpText('after', EXAMPLES.console)
    .action(async (name: string, flags: { device?: string; force?: boolean }) => {
      await withManager((scope) => scope.resolve(ConsoleCommand).run(nameOf(name), { device: flags.device, force: flags.force === true }, terminal, output));
    });

  program.command('screenshot')
    .description('save a screenshot of the VMI\'s first screen')
    .argument('<name>', 'VMI name')
    .requiredOption('-o, --output <file>', 'file to write')
    .addHelpText('after', EXAMPLES.screenshot)
    .action(async (name: string, flags: { output: string }) => {
      await withManager((scope) => scope.resolve(ScreenshotCommand).run(nameOf(name), flags.output, output));
    });

  program.command('vcpus')
    .description('hotplug or unplug vCPUs of a running VMI, within its maximum')
    .argument('<name>', 'VMI name')
    .addArgument(new Argument('<count>', 'vCPUs the guest should have').argParser(positiveInteger))
    .addHelpText('after', EXAMPLES.vcpus)
    .action(async (name: string, count: number) => {
      await withManager((scope) => scope.resolve(VcpusCommand).run(nameOf(name), count, output));
    });

  program.command('memory')
    .description('resize the guest memory of a running VMI through its virtio-mem device')
    .argument('<name>', 'VMI name')
    .addArgument(new Argument('<size>', 'guest memory as a Kubernetes quantity, e.g. 2Gi').argParser(memorySize))
    .addHelpText('after', EXAMPLES.memory)
    .action(async (name: string, size: { text: string; bytes: bigint }) => {
      await withManager((scope) => scope.resolve(MemoryCommand).run(nameOf(name), size.text, size.bytes, output));
    });

  program.command('events')
    .description('print status changes (phase, state, conditions) as they happen, one line each, until Ctrl-C')
    .argument('[name]', 'VMI name (default: every VMI)')
    .addHelpText('after', EXAMPLES.events)
    .action(async (name: string | undefined) => {
      const stop = new AbortController();
      const onSignal = (): void => { stop.abort(); };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withManager((scope) => scope.resolve(EventsCommand).run(name === undefined ? undefined : nameOf(name), stop.signal, output));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  program.command('completion')
    .description('print a shell completion script for bash or zsh')
    .addArgument(new Argument('<shell>', 'shell to complete in').choices(['bash', 'zsh']))
    .addHelpText('after', EXAMPLES.completion)
    .action((shell: 'bash' | 'zsh') => {
      const tree = completionTree(program);
      output.out((shell === 'bash' ? bashCompletionScript(tree) : zshCompletionScript(tree)).trimEnd());
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
export async function runKvmctl(argv: readonly string[], output: CommandOutput, terminal?: TerminalIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(output, (code) => { exitCode = code; }, terminal);
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
