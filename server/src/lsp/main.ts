/**
 * Entry point of the language server. `competency-lint --stdio` (and `node dist/server.js --stdio`)
 * speak LSP over standard input and output; `--node-ipc`, `--socket=N` and `--pipe=NAME` are
 * understood too. Without any of them the server talks over node IPC, the way the VS Code client
 * starts it. Importing this module starts the server.
 */
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORT = /^--(stdio|node-ipc|socket=.+|pipe=.+)$/;

function connect() {
  // The library reads the transport from the arguments itself, and over stdio it also redirects
  // console output to the client's log, so that a stray console.log cannot corrupt the protocol.
  if (process.argv.some((a) => TRANSPORT.test(a))) return createConnection(ProposedFeatures.all);
  return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
}

startServer(connect());
