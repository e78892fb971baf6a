// `kam lsp`: the language server, for editors other than VS Code (which starts dist/server.js itself).
// The server module is required only here, so `kam lint` never loads the LSP libraries.
import { type Command } from 'commander';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .summary('start the language server (for editors)')
    .description('Start the KAM language server. The editor names the transport.')
    .option('--stdio', 'talk over stdin and stdout')
    .option('--node-ipc', 'talk over Node IPC (when started by a Node process with an IPC channel)')
    .option('--socket <port>', 'connect to a socket on this port')
    .option('--pipe <name>', 'connect to this named pipe')
    .option('--clientProcessId <pid>', 'exit when this editor process ends')
    .addHelpText('after', '\nExample:\n  $ kam lsp --stdio')
    .action(function (this: Command, options: { stdio?: boolean; nodeIpc?: boolean; socket?: string; pipe?: string }) {
      const transports = [options.stdio, options.nodeIpc, options.socket, options.pipe].filter(Boolean).length;
      if (transports !== 1) this.error('error: name one transport: --stdio, --node-ipc, --socket <port> or --pipe <name>', { exitCode: 2 });
      // The server reads the same flags from process.argv when it creates its connection.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const server = require('../lsp/server') as { startServer(): void };
      server.startServer();
    });
}
