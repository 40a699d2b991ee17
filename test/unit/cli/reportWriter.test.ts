/**
 * A report too large to make as one document (the html page is one string, and V8's strings stop
 * near 512 M characters) ends the run with a message and exit 2, not a stack trace, and no partial
 * report is kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATTERS } from '../../../server/src/cli/formatters/index';
import { ReportWriter } from '../../../server/src/cli/report';
import type { Io } from '../../../server/src/cli/output';

test('a RangeError from a whole-run formatter is a message on standard error, and the output is given up', () => {
  const stderr: string[] = [];
  const io: Io = { cwd: '/', env: {}, stdoutIsTTY: false, writeStdout: () => {}, writeStderr: (t) => void stderr.push(t), readStdin: async () => new Uint8Array() };
  const events: string[] = [];
  const out = { write: () => void events.push('write'), close: () => (events.push('close'), true), abort: () => void events.push('abort') };
  const formatters = FORMATTERS as Record<string, (typeof FORMATTERS)[string]>;
  const html = formatters.html;
  formatters.html = () => {
    throw new RangeError('Invalid string length');
  };
  try {
    const writer = new ReportWriter(io, out, 'html');
    writer.add({ results: [{ filePath: '/a.json', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixed: 0 }], problems: [] });
    assert.equal(writer.finish({ cwd: '/', color: false, version: '0', rules: [] }), false);
  } finally {
    formatters.html = html;
  }
  assert.deepEqual(events, ['abort']);
  assert.match(stderr.join(''), /the html report of 1 file is too large to make as one document; lint fewer files at a time \(--shard i\/n\), or use --format json/);
});
