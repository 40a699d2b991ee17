/**
 * Entry point of the language server. `competency-lint --stdio` (and `node dist/server.js --stdio`)
 * speak LSP over standard input and output; without `--stdio` the server talks over node IPC, the
 * way the VS Code client starts it. Importing this module starts the server.
 */
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

function connect() {
  if (process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
}

startServer(connect());
