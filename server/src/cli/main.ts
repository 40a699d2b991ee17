/**
 * Entry point of dist/cli.js. `--stdio` (or `--node-ipc`) starts the language server instead, so
 * that editors other than VS Code can run `competency-lint --stdio`; `explain` is a subcommand;
 * everything else is a lint run. The server and explain are loaded only when asked for, so that
 * a lint run does not pay for them.
 */
import { run } from './run';
import type { Io } from './output';
import { isLintWorker, serveLintWorker } from './workers';
import { preferCheapCompilation } from './jit';

async function main(argv: string[]): Promise<number> {
  // A lint worker thread is this same bundle entered again (see workers.ts); it serves files, not argv.
  if (isLintWorker()) {
    serveLintWorker();
    return -1;
  }
  if (argv.includes('--stdio') || argv.includes('--node-ipc')) {
    // The language server starts when its module is loaded, and keeps the process alive.
    require('../lsp/main');
    return -1;
  }
  if (argv[0] === 'explain') {
    const { runExplain } = await import('./explain');
    return runExplain(argv.slice(1));
  }
  preferCheapCompilation();
  return run(argv, nodeIo());
}

function nodeIo(): Io {
  // A reader that stops early (`| head`) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    writeStdout: (text) => void process.stdout.write(text),
    writeStderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    // Setting exitCode (rather than calling exit) lets piped output drain before the process ends.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`competency-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nPlease report this.\n`);
    process.exitCode = 2;
  },
);
