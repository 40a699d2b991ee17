/**
 * What the duplicate rules find on the development corpus (test/corpus): every planted exact copy,
 * at least 95% of the planted near copies, nothing on the example export, and a bounded number of
 * findings on the real, unplanted files (some of which honestly repeat statements word for word).
 * The planted files are split by name: tuning was done on a-m only, n-z stayed unseen until the end,
 * and both halves must meet the bar so the measure says something about files we have not seen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/service';
import { duplicateExact } from '../../../server/src/core/rules/duplicate-exact';
import { duplicateNear } from '../../../server/src/core/rules/duplicate-near';
import { EXAMPLE_TEXT } from '../../helpers';
import { plantedLabels, plantedText, unplantedFiles } from '../rules/fixtures/duplicates';

const RULES = [duplicateExact, duplicateNear];

function duplicateFindings(text: string) {
  return analyse(text, { rules: RULES }).findings.filter((f) => f.category === 'duplicate');
}

function recall(kind: 'exact-dup' | 'near-dup', half: (file: string) => boolean): { found: number; total: number; missed: string[] } {
  const labels = plantedLabels().filter((l) => l.kind === kind && half(l.file));
  const missed: string[] = [];
  for (const l of labels) {
    const hit = duplicateFindings(plantedText(l.file)).some((f) => f.pointer === l.pointer || f.pointer === l.twin);
    if (!hit) missed.push(`${l.file} ${l.pointer}`);
  }
  return { found: labels.length - missed.length, total: labels.length, missed };
}

const tuned = (file: string) => file[0] <= 'm';
const unseen = (file: string) => file[0] > 'm';

for (const [name, half] of [['a-m (tuned on)', tuned], ['n-z (held out)', unseen]] as const) {
  test(`planted exact copies, files ${name}: all found`, () => {
    const r = recall('exact-dup', half);
    assert.ok(r.total >= 20, `too few labels (${r.total}) for the measure to mean anything`);
    assert.deepEqual(r.missed, []);
  });

  test(`planted near copies, files ${name}: at least 95% found`, () => {
    const r = recall('near-dup', half);
    assert.ok(r.total >= 20, `too few labels (${r.total}) for the measure to mean anything`);
    assert.ok(r.found / r.total >= 0.95, `found ${r.found} of ${r.total}; missed: ${r.missed.join(', ')}`);
  });
}

test('unplanted DDaT files: duplicate findings stay few, and every exact one is a real repeat', () => {
  let findings = 0;
  let statements = 0;
  for (const { name, text } of unplantedFiles()) {
    const result = analyse(text, { rules: RULES });
    statements += result.model.statements.length;
    for (const f of result.findings) {
      findings++;
      if (f.ruleId !== 'duplicate-exact') continue;
      // An exact finding on real data must be a real repeat: the same words once case, spacing and punctuation are set aside.
      const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const here = words(JSON.parse(text.slice(f.range.start, f.range.end)));
      for (const r of f.related!) assert.equal(words(JSON.parse(text.slice(r.range.start, r.range.end))), here, `${name} ${f.pointer}`);
    }
  }
  // Measured: 20 exact repeats that the DDaT source really has, and 14 near pairs (a word or two
  // apart, such as "offer design feedback" / "offer design solutions") in 869 statements. The bound
  // leaves a little room for lexicon changes but fails if progression starts being reported as duplication.
  assert.ok(statements > 800);
  assert.ok(findings <= 40, `${findings} duplicate findings on ${statements} unplanted statements`);
});

test('the example export has no duplicate findings', () => {
  assert.deepEqual(duplicateFindings(EXAMPLE_TEXT), []);
});
