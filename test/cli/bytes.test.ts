/**
 * Fuzzed bytes on disk through the built CLI: files of invalid or cut UTF-8, UTF-16 in either order
 * (cut to odd lengths, bytes flipped), unmarked UTF-16, BOM + CRLF and plain noise, linted in one
 * run and fixed in another. Each file is either reported or named in a message; nothing crashes;
 * --fix writes only files that parsed and were read without loss, and what it writes still parses
 * in the same encoding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { BYTE_CASES } from '../fuzz/bytes';
import { fixable } from '../fuzz/cases';
import { decodeText, encodeText } from '../../server/src/node/files';
import { parseDocument } from '../../server/src/core/parse/parse';
import { cli, tempDir } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const COUNT = 60;

function writeCases(dir: string): { names: string[]; bytes: Uint8Array[] } {
  // Byte cases, and fixable documents in UTF-16 and with CRLF so that --fix has work to do.
  const bytes = fc.sample(BYTE_CASES, { numRuns: COUNT, seed: SEED });
  fc.sample(fixable, { numRuns: 10, seed: SEED }).forEach((t, i) => {
    bytes.push(new Uint8Array(i % 2 ? encodeText('\ufeff' + t, i % 4 === 1 ? 'utf16le' : 'utf16be') : Buffer.from(t.replace(/\n/g, '\r\n'))));
  });
  const names = bytes.map((_, i) => `case-${String(i).padStart(3, '0')}.json`);
  names.forEach((n, i) => writeFileSync(join(dir, n), bytes[i]));
  return { names, bytes };
}

function assertNoCrash(run: { stdout: string; stderr: string; status: number | null }): void {
  assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit ${run.status}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\n\s+at .*:\d+:\d+\)?\n/, 'no stack trace');
  assert.doesNotMatch(run.stdout + run.stderr, /Internal error/);
}

test('fuzzed bytes on disk: every file is linted or refused with a message, and nothing crashes', () => {
  const dir = tempDir();
  const { names, bytes } = writeCases(dir);
  const run = cli(['--format', 'json', '--concurrency', '1', ...names], { cwd: dir });
  assertNoCrash(run);
  const reported = new Set<string>(JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)));
  names.forEach((n, i) => {
    const refused = run.stderr.includes(`${n}: `);
    assert.ok(reported.has(n) !== refused, `${n} is either reported or refused: reported ${reported.has(n)}, refused ${refused}`);
    // Only a file the reader refuses (binary) is left out of the report.
    assert.equal(refused, !decodeText(bytes[i]).ok, n);
  });
  // A refused file makes the run exit 2; the others are linted all the same.
  const anyRefused = names.some((n) => run.stderr.includes(`${n}: `));
  assert.ok(anyRefused, 'the sample holds binary files');
  assert.equal(run.status, 2);
});

test('--fix on fuzzed bytes writes only files that parsed and were read without loss, and they still parse', () => {
  const dir = tempDir();
  const { names, bytes } = writeCases(dir);
  const run = cli(['--fix', '--format', 'json', '--concurrency', '1', ...names], { cwd: dir });
  assertNoCrash(run);
  let written = 0;
  names.forEach((n, i) => {
    const after = new Uint8Array(readFileSync(join(dir, n)));
    if (Buffer.from(after).equals(Buffer.from(bytes[i]))) return;
    written++;
    const before = decodeText(bytes[i]);
    assert.ok(before.ok && !before.value.lossy, `${n} was rewritten though it was not read without loss`);
    assert.equal(parseDocument(before.value.text).problems.length, 0, `${n} was rewritten though it did not parse`);
    const now = decodeText(after);
    assert.ok(now.ok && !now.value.lossy && now.value.encoding === before.value.encoding, `${n} keeps its encoding`);
    assert.deepEqual(parseDocument(now.value.text).problems, [], `${n} still parses`);
    if (before.value.text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(now.value.text), `${n} keeps CRLF`);
  });
  assert.ok(written > 0, 'some files had fixes to write');
});
