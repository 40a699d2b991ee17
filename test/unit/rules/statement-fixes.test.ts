/**
 * The statement-format fixes together, as `--fix` applies them: pass after pass, each pass taking
 * the safe fixes that do not overlap, until nothing is left to fix. A statement with several
 * problems must come out right, and the passes must end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/service';
import { applyEdits, selectSafeFixes } from '../../../server/src/core/fixes/apply';
import { RULES } from '../../../server/src/core/rules/index';
import { exampleWith } from '../../helpers';

const FORMAT_RULES = RULES.filter((r) => r.id.startsWith('statement-'));

function fixAll(text: string): { text: string; passes: number } {
  for (let passes = 1; passes <= 10; passes++) {
    const { findings } = analyse(text, { rules: FORMAT_RULES });
    const { edits } = selectSafeFixes(findings, text.length);
    if (edits.length === 0) return { text, passes };
    text = applyEdits(text, edits);
  }
  throw new Error('the fixes did not settle in 10 passes');
}

test('a statement with a wrong dash, stray spaces and no period is fixed back to the example', () => {
  const messy = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] =
      ' Circulation procedures  -  execute check-in  and check-out transactions accurately , under the guidance of senior librarians in a public or academic library setting';
    d.framework.levels.advanced.statements[2] = d.framework.levels.advanced.statements[2].replace(' — ', '\u2014');
  });
  const clean = exampleWith((d) => {
    d.framework.levels.emerging.statements[0] = d.framework.levels.emerging.statements[0].replace('accurately', 'accurately,');
  });
  const { text, passes } = fixAll(messy);
  assert.equal(text, clean);
  assert.ok(passes <= 4, `took ${passes} passes`);
});
