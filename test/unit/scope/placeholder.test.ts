import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlaceholder } from '../../../server/src/core/analysis/scope/placeholder';
import { scopeAnalysis } from '../../../server/src/core/analysis/scope/analysis';
import { EMPTY_CONFIG } from '../../../server/src/core/config/types';
import { analyse } from '../../../server/src/core/service';
import { plainDoc } from '../rules/fixtures/scope';

test('placeholders are recognised by what they say, and real statements that mention the words are not', () => {
  for (const t of ['This skill level is currently not defined.', 'Not applicable', 'N/A', 'TBD', 'To be confirmed.', 'No statements at this level.', '-', '']) {
    assert.equal(isPlaceholder(t), true, t);
  }
  for (const t of [
    'explain why records are kept',
    'handle requests whose scope is not defined in advance by working with the requester to agree what is needed',
    'identify which controls are not applicable',
  ]) {
    assert.equal(isPlaceholder(t), false, t);
  }
});

test('placeholders are read as empty: no reading, no thread between levels, no part in the level readings', () => {
  const text = plainDoc({
    emerging: ['explain why records are kept', 'This skill level is currently not defined.'],
    developing: ['This skill level is currently not defined.'],
    proficient: ['This skill level is currently not defined.'],
    advanced: ['set the records strategy for the organisation', 'lead a team of records officers'],
  });
  const result = analyse(text, { config: EMPTY_CONFIG });
  const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: EMPTY_CONFIG });
  const placeholders = scope.statements.filter((x) => x.statement.body.startsWith('This skill level'));
  assert.equal(placeholders.length, 3);
  for (const x of placeholders) {
    assert.equal(x.placeholder, true);
    assert.equal(x.estimate, undefined);
    assert.equal(x.thread, undefined);
  }
  assert.deepEqual(scope.threads, []);
  assert.equal(scope.levels[1].reading, undefined);
  assert.equal(scope.levels[2].reading, undefined);
});
