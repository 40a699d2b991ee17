/**
 * The level matrix's view model: columns in the order of proficiency, rows exactly as the scope
 * analysis threads the statements, every statement once, and findings on the cell (or level) they
 * are about. The expectations are read from the scope analysis itself, not from the builder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../../server/src/core/service';
import { scopeAnalysis } from '../../../server/src/core/analysis/scope/analysis';
import { EMPTY_CONFIG } from '../../../server/src/core/config/types';
import { buildMatrix, type MatrixView } from '../../../server/src/core/report/matrix';
import { renderPage } from '../../../server/src/core/report/html';
import { EXAMPLE_TEXT, ROOT, config, exampleWith } from '../../helpers';

const PLANTED = readFileSync(join(ROOT, 'test/report/fixtures/planted.json'), 'utf8');

function view(text: string, cfg = EMPTY_CONFIG): { v: MatrixView; result: ReturnType<typeof analyse> } {
  const result = analyse(text, { config: cfg });
  return { v: buildMatrix(result, { config: cfg, title: 't' }), result };
}

test('the example has its four levels as columns, in order of proficiency', () => {
  const { v } = view(EXAMPLE_TEXT);
  assert.deepEqual(v.levels.map((l) => l.name), ['Emerging', 'Developing', 'Proficient', 'Advanced']);
  assert.deepEqual(v.levels.map((l) => l.cells.length), [10, 10, 10, 10]);
});

test('levels written out of order are still shown lowest first', () => {
  const text = exampleWith((doc) => {
    const levels = doc.framework.levels;
    doc.framework.levels = { advanced: levels.advanced, emerging: levels.emerging, proficient: levels.proficient, developing: levels.developing };
  });
  const { v } = view(text);
  assert.deepEqual(v.levels.map((l) => l.key), ['emerging', 'developing', 'proficient', 'advanced']);
});

test('rows are the analysis threads, each statement in its own level column, and the rest at the bottom of their column', () => {
  const { v, result } = view(EXAMPLE_TEXT);
  const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: EMPTY_CONFIG });
  assert.ok(scope.threads.length > 0, 'the example has threads');
  const expected = scope.threads
    .map((t) => [0, 1, 2, 3].map((rank) => t.members.filter((m) => scope.statements[m].rank === rank).map((m) => scope.statements[m].statement.pointer)))
    .map((r) => JSON.stringify(r))
    .sort();
  const threadRows = v.rows.filter((r) => r.kind === 'thread');
  assert.deepEqual(threadRows.map((r) => JSON.stringify(r.cells.map((list) => list.map((c) => c.pointer)))).sort(), expected);
  // The loose rows come after every thread row, and hold each level's unthreaded statements in document order.
  const firstLoose = v.rows.findIndex((r) => r.kind === 'loose');
  assert.ok(v.rows.slice(firstLoose).every((r) => r.kind === 'loose'));
  for (let rank = 0; rank < 4; rank++) {
    const column = v.rows.slice(firstLoose).flatMap((r) => r.cells[rank].map((c) => c.pointer));
    const unthreaded = scope.statements.filter((x) => x.rank === rank && x.thread === undefined).map((x) => x.statement.pointer);
    assert.deepEqual(column, unthreaded, `column ${rank}`);
  }
  const all = v.rows.flatMap((r) => r.cells.flat().map((c) => c.pointer));
  assert.equal(all.length, 40);
  assert.equal(new Set(all).size, 40, 'every statement appears once');
});

test('a planted duplicate and a moved statement carry their findings and read where the analysis says', () => {
  const { v, result } = view(PLANTED);
  const cells = new Map(v.levels.flatMap((l) => l.cells).map((c) => [c.pointer, c]));
  const dup = cells.get('/framework/levels/developing/statements/10')!;
  assert.ok(dup.findings.some((f) => f.ruleId === 'duplicate-exact'));
  assert.equal(dup.worst, 'warning');
  const moved = cells.get('/framework/levels/emerging/statements/10')!;
  const misplaced = result.findings.find((f) => f.ruleId === 'scope-misplaced' && f.pointer === moved.pointer);
  assert.ok(misplaced, 'the analysis flags the moved statement');
  assert.deepEqual(moved.findings.find((f) => f.ruleId === 'scope-misplaced')?.message, misplaced.message);
  assert.equal(moved.reading, 'much-higher');
  // Every finding about a statement links to that statement's cell.
  for (const f of v.findings) {
    if (cells.has(f.pointer)) assert.equal(f.target, cells.get(f.pointer)!.id);
  }
});

test('a finding inside statement 1 is not put on statement 10, and level findings go to the level header', () => {
  // The planted fixture has an eleventh Emerging statement, so "/statements/1" is a prefix of another pointer.
  const result = analyse(PLANTED, { config: EMPTY_CONFIG });
  const v = buildMatrix(result, {
    config: EMPTY_CONFIG,
    title: 't',
    findings: [
      { ruleId: 'x', severity: 'error', message: 'on one', pointer: '/framework/levels/emerging/statements/1' },
      { ruleId: 'y', severity: 'info', message: 'on the level', pointer: '/framework/levels/proficient/label' },
      { ruleId: 'z', severity: 'warning', message: 'on the document', pointer: '/occupation/soc' },
    ],
  });
  assert.ok(v.levels[0].cells.some((c) => c.pointer === '/framework/levels/emerging/statements/10'));
  assert.deepEqual(v.levels[0].cells.filter((c) => c.findings.length).map((c) => c.pointer), ['/framework/levels/emerging/statements/1']);
  assert.equal(v.levels[2].findings[0].message, 'on the level');
  assert.equal(v.findings[1].target, v.levels[2].id);
  assert.equal(v.findings[2].target, undefined);
  assert.deepEqual(v.totals, { error: 1, warning: 1, info: 1 });
});

test('a document too large for the scope analysis shows its statements unread, without threads', () => {
  const cfg = config({ maxFileSize: 100 });
  const { v } = view(EXAMPLE_TEXT, cfg);
  assert.equal(v.unread, true);
  assert.equal(v.rows.every((r) => r.kind === 'loose'), true);
  assert.equal(v.levels.flatMap((l) => l.cells).every((c) => c.reading === 'unread'), true);
  assert.equal(v.levels.length, 4);
  // The page says no cell was read, rather than that each has no scope wording; and the rows of
  // statements in no thread have no empty row header for a screen reader to announce.
  const html = renderPage([v], { version: '0', problems: [] });
  assert.equal(html.split('not read (the scope analysis did not run)').length - 1, 40);
  assert.ok(!html.includes('no scope wording found'));
  assert.ok(!html.includes('<th scope="row"></th>'));
});

test('JSON that is not a framework gives a view without levels rather than failing', () => {
  for (const text of ['', '{', '[1,2]', '{"framework": {"levels": 3}}', '{"occupation": {"title": {"x": 1}}}']) {
    const { v } = view(text);
    assert.equal(v.levels.length, 0);
    assert.equal(v.occupation.title, undefined);
  }
});

test('a placeholder on a topic sits in the row of the topic it stands in for, at its level', async () => {
  const { scopeDoc } = await import('../rules/fixtures/scope');
  const text = scopeDoc((l) => {
    l.proficient = l.proficient.filter((s) => !s.startsWith('Circulation'));
    l.proficient.push('Circulation — to be written.');
  });
  const { v } = view(text);
  const row = v.rows.find((r) => r.kind === 'thread' && r.name === 'Circulation');
  assert.ok(row, `rows: ${v.rows.map((r) => r.name).join(', ')}`);
  assert.deepEqual(row.cells.map((c) => c.map((x) => x.body)), [
    ['process check-outs following established procedures.'],
    ['manage daily circulation for a branch library with limited supervision.'],
    ['to be written.'],
    ['establish library-wide circulation policy and lead a team of supervisors.'],
  ]);
  assert.ok(!v.rows.some((r) => r.kind === 'loose'), 'nothing left outside the threads');
});
