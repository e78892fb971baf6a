// The `kam` command line. Each subcommand is one module that registers itself on the program.
import { Command, CommanderError } from 'commander';
import { registerDiff } from './diff';
import { registerLint } from './lint';
import { registerLsp } from './lsp';
import { registerPortfolio } from './portfolio';
import { registerReport } from './report';
import { packageInfo } from './package-info';

const SUBCOMMANDS: ((program: Command) => void)[] = [registerLint, registerReport, registerPortfolio, registerDiff, registerLsp];

const program = new Command('kam')
  .description('Check key-account plans (*.kam.yaml) against the KAM method.')
  .version(packageInfo().version, '-v, --version')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();
for (const register of SUBCOMMANDS) register(program);
program.addHelpText(
  'after',
  `
Examples:
  $ kam lint plans/
  $ kam lint --format sarif --today 2026-11-26 examples/
  $ kam lint --help`,
);

// `kam lint … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

// Async, so a subcommand that writes a file in the background (`kam report -o deck.pptx`) is awaited
// and its errors land here too.
program.parseAsync().catch((e: unknown) => {
  // Help and --version end with code 0; every other parse error is bad usage: 2, not commander's 1.
  if (!(e instanceof CommanderError)) throw e;
  process.exitCode = e.exitCode === 0 ? 0 : 2;
});
