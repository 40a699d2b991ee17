import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLE_TEXT, config, positionOf, ruleFindings } from '../../helpers';
import { scopeDoc } from './fixtures/scope';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../../server/src/core/service';
import { explainAt } from '../../../server/src/core/explain';
import { CORPUS } from './fixtures/duplicates';

const ID = 'scope-misplaced';

test('a strategy-setting statement at the lowest level is reported on the statement, naming the level it reads as and why', () => {
  const moved = 'Reference service — set the long-range strategic direction of reference services organization-wide and lead a team of librarians.';
  const text = scopeDoc((l) => {
    l.emerging[0] = moved;
  });
  const findings = ruleFindings(text, ID);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  const at = positionOf(text, JSON.stringify(moved));
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [at.line, at.column, at.line, at.column + JSON.stringify(moved).length]);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /^This Emerging statement reads as (Proficient|Advanced): /);
  assert.match(f.message, /'strategic direction' \(sets direction\)/);
  assert.match(f.message, /'lead a team of' \(leads teams\)/);
  assert.equal(f.related?.[0].pointer, f.message.includes('reads as Advanced') ? '/framework/levels/advanced' : '/framework/levels/proficient');
});

test('a supervised, routine statement at the highest level is reported as reading two levels lower', () => {
  const text = scopeDoc((l) => {
    l.advanced.push('Circulation desk — help process routine check-outs under close supervision, following established procedures.');
  });
  const [f, ...rest] = ruleFindings(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(f.pointer, '/framework/levels/advanced/statements/3');
  assert.match(f.message, /^This Advanced statement reads as (Emerging|Developing): .*'under close supervision' \(closely supervised\)/);
  assert.match(f.message, /Its wording reads \d\.\d levels below Advanced;/);
});

test('"without supervision" and "non-routine" are not read as supervised or routine', () => {
  const text = scopeDoc((l) => {
    l.proficient[0] = 'Reference service — resolve non-routine research questions across disciplines without supervision.';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
});

test('quiet on a framework that progresses, on the example, and with fewer than three levels', () => {
  assert.deepEqual(ruleFindings(scopeDoc(), ID), []);
  assert.deepEqual(ruleFindings(EXAMPLE_TEXT, ID), []);
  const two = scopeDoc((l) => {
    delete l.proficient;
    delete l.advanced;
    l.emerging[0] = 'Reference service — set the strategic direction of reference services organization-wide.';
  });
  assert.deepEqual(ruleFindings(two, ID), []);
});

test('minDistance raises the bar: a statement two levels off stays quiet at 3', () => {
  const text = scopeDoc((l) => {
    l.advanced.push('Circulation desk — help process routine check-outs under close supervision, following established procedures.');
  });
  assert.equal(ruleFindings(text, ID).length, 1);
  assert.deepEqual(ruleFindings(text, ID, config({ ruleSettings: { [ID]: ['warning', { minDistance: 3.5 }] } })), []);
});

test('a phrase added to the lexicon in the config changes the reading', () => {
  const text = scopeDoc((l) => {
    l.emerging[1] = 'Circulation — process check-outs as the branch\'s circulation czar.';
  });
  assert.deepEqual(ruleFindings(text, ID), []);
  const cfg = config({ lexicon: { phrases: [{ phrase: 'circulation czar', axis: 'autonomy', level: 1, weight: 4 } as never] } });
  const findings = ruleFindings(text, ID, cfg);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].pointer, '/framework/levels/emerging/statements/1');
  assert.match(findings[0].message, /'circulation czar'/);
});

test('the finding points at the statements of the level it reads as that share its words', () => {
  // Worded like the Emerging circulation statement, but not a copy of it.
  const text = scopeDoc((l) => {
    l.advanced.push('Circulation — process routine check-outs under close supervision, following the branch procedures.');
  });
  const [f] = ruleFindings(text, ID);
  assert.equal(f.pointer, '/framework/levels/advanced/statements/3');
  const similar = f.related?.filter((r) => r.message.startsWith('a statement with similar words')) ?? [];
  assert.deepEqual(
    similar.map((r) => [r.pointer, r.message]),
    [['/framework/levels/emerging/statements/1', 'a statement with similar words, at Emerging']],
  );
  assert.match(f.message, /move it to (Emerging|Developing) or reword it/);
});

test('a statement that repeats one of the level it reads as is not advised to move there', () => {
  const text = scopeDoc((l) => {
    l.advanced.push('Circulation — process check-outs following established procedures, under close supervision.');
  });
  const [f] = ruleFindings(text, ID);
  assert.equal(f.pointer, '/framework/levels/advanced/statements/3');
  assert.equal(f.related?.[1]?.pointer, '/framework/levels/emerging/statements/1');
  assert.match(f.message, /Emerging #2 already says much the same, so reword it with the scope expected at Advanced, or remove it\.$/);
});

test('the statement it repeats is named by level and number, as a duplicate names its copy, and is a related place', () => {
  // Stylish and github show the message alone: "Emerging already has a statement much like it" left
  // the reviewer to find which of its statements.
  const text = scopeDoc((l) => {
    l.advanced.push('Circulation — process check-outs following established procedures, under close supervision.');
  });
  const [f] = ruleFindings(text, ID);
  const repeated = ruleFindings(text, 'duplicate-near').find((d) => d.pointer === f.pointer)?.related?.[0];
  assert.equal(repeated?.pointer, '/framework/levels/emerging/statements/1', 'duplicate-near names the same statement');
  assert.match(f.message, /Emerging #2 already says much the same/);
  assert.ok(f.related?.some((r) => r.pointer === repeated.pointer), 'the repeated statement is a related place');
});

test('the reasons given are phrases that read away from the statement\'s level, not near it', () => {
  // 'collect' reads as Emerging, a shade above the lowest level: no reason to read it as Advanced.
  const text = scopeDoc((l) => {
    l.emerging[0] = 'Reference service — collect patron feedback to set the long-range strategic direction of reference services organization-wide.';
  });
  const [f] = ruleFindings(text, ID);
  assert.equal(f.pointer, '/framework/levels/emerging/statements/0');
  assert.match(f.message, /'strategic direction'/);
  assert.doesNotMatch(f.message, /'collect'/);
});

test('the level a finding names is the one explain and the hover name for the statement', () => {
  // Read 1.49 levels up: the nearest level is one up, though the finding's threshold is 1.4.
  const text = EXAMPLE_TEXT.replace('"Circulation procedures', '"Catalog — perform non-routine checks.", "Circulation procedures');
  const dir = join(CORPUS, 'ddat-dev-planted');
  const texts = [text, ...readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => readFileSync(join(dir, n), 'utf8'))];
  let compared = 0;
  for (const t of texts) {
    const result = analyse(t);
    for (const f of result.findings.filter((x) => x.ruleId === ID)) {
      const named = /reads as ([^:]+):/.exec(f.message)?.[1];
      assert.equal(named, explainAt(result, f.pointer)?.readsAs, f.message);
      compared++;
    }
  }
  assert.ok(compared >= 20, `${compared} findings compared`);
  assert.match(ruleFindings(text, ID)[0]?.message ?? '', /^This Emerging statement reads as Developing: .* Its wording reads 1\.\d levels above Emerging;/);
});

test('"its wording is closest to statements at ..." names the levels of the statements the finding points at', () => {
  // The level of their mean rank named a level none of them sits at: Awareness and Practitioner
  // statements made "closest to statements at Working" (data-engineering.exact-dup.json).
  const dir = join(CORPUS, 'ddat-dev-planted');
  let compared = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const result = analyse(readFileSync(join(dir, name), 'utf8'));
    for (const f of result.findings.filter((x) => x.ruleId === ID || x.ruleId === 'scope-outlier')) {
      const named = /its wording is closest to statements at ([^.,]+)/.exec(f.message)?.[1];
      if (!named) continue;
      const levels = [...new Set((f.related ?? []).filter((r) => r.message.startsWith('a statement with similar words')).map((r) => r.message.slice(r.message.lastIndexOf(' at ') + 4)))];
      assert.deepEqual(named.split(/, | and /).sort(), levels.sort(), `${name}: ${f.message}`);
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared}`);
});
