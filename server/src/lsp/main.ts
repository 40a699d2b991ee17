/**
 * Entry point of the language server. `competency-lint --stdio` (and `node dist/server.js --stdio`)
 * speak LSP over standard input and output, which is also how the VS Code client starts it;
 * `--node-ipc`, `--socket=N` and `--pipe=NAME` are understood too. Without any of them the server
 * talks over node IPC, for a client that forks it without arguments. Importing this module starts
 * the server.
 */
import { format } from 'node:util';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { collectGarbage, keepYoungGenerationSmall } from './memory';
import { StreamMessageReader } from './messageReader';
import { startServer } from './server';

const OTHER_TRANSPORT = /^--(node-ipc|socket=.+|pipe=.+)$/;

function connect(): Connection {
  if (process.argv.includes('--stdio')) return connectStdio();
  // The library reads these transports from the arguments itself.
  if (process.argv.some((a) => OTHER_TRANSPORT.test(a))) return createConnection(ProposedFeatures.all);
  return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
}

/**
 * Standard input is read with our reader (messageReader.ts), which holds a large document's bytes
 * once. Given a reader, the library no longer does two things it does for `--stdio`, so they are
 * done here: console output goes to the client's log, so that a stray console.log cannot corrupt
 * the protocol on standard output, and the server exits when standard input ends.
 */
function connectStdio(): Connection {
  let shutdown = false;
  const reader = new StreamMessageReader(process.stdin, { collect: collectGarbage });
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  Object.assign(console, { log: log('log'), debug: log('log'), trace: log('log'), dir: log('log'), info: log('info'), warn: log('warn'), error: log('error') });
  reader.onMessage = (message) => {
    if ((message as { method?: string }).method === 'shutdown') shutdown = true;
  };
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return connection;
}

keepYoungGenerationSmall();
startServer(connect());
