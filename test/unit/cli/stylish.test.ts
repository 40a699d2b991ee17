/**
 * The stylish report with a great many findings in one file: a file of 200,000 (a catalogue
 * flattened into one export, its statements all the same) used to stop the CLI with "Maximum call
 * stack size exceeded" while aligning its columns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stylish } from '../../../server/src/cli/formatters/stylish';
import type { FileResult, PlacedMessage } from '../../../server/src/cli/results';

test('200,000 findings in one file are listed, one aligned line each', () => {
  const messages: PlacedMessage[] = Array.from({ length: 200_000 }, (_, i) => ({
    ruleId: 'duplicate-exact',
    category: 'duplicate',
    severity: 'warning',
    message: i === 7 ? 'The longest message of them all.' : 'Same statement.',
    line: 1,
    column: i + 1,
    endLine: 1,
    endColumn: i + 2,
    pointer: `/framework/levels/a/statements/${i}`,
    related: [],
  }));
  const result: FileResult = { filePath: '/w/big.json', messages, errorCount: 0, warningCount: messages.length, infoCount: 0, fixed: 0 };
  const report = stylish([result], { cwd: '/w', color: false, version: '0', rules: [], problems: [] });
  assert.equal(typeof report, 'string');
  const out = report as string;
  const lines = out.split('\n').filter((l) => l.includes('duplicate-exact'));
  assert.equal(lines.length, 200_000);
  // Every rule id starts in the same column: the widths were measured over all rows.
  assert.equal(new Set(lines.map((l) => l.indexOf('duplicate-exact'))).size, 1);
  assert.match(out, /200000 problems \(0 errors, 200000 warnings, 0 info\)/);
});
