import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scopeEvidence } from '../../../server/src/core/analysis/scope/lexicon';
import { tokenise } from '../../../server/src/core/analysis/scope/tokens';
import { statementRegister } from '../../../server/src/core/analysis/scope/register';

/** The register in one word ("knowing", "doing" or "neither") and the words that do, if any. */
function register(text: string): string {
  const tokens = tokenise(text);
  const r = statementRegister(text, scopeEvidence(text, undefined, tokens), tokens);
  return r.knowing ? 'knowing' : r.doing ? `doing: ${r.doing.phrase}` : 'neither';
}

test('statements that only say what is understood, also through a verb that governs the understanding', () => {
  assert.equal(register('explain why iteration is important'), 'knowing');
  assert.equal(register('describe the filing procedures of your team and how they change'), 'knowing');
  assert.equal(register('show an awareness of legal and compliance rules'), 'knowing');
  assert.equal(register('demonstrate a clear understanding of retention schedules'), 'knowing');
  // What follows the understanding is its object, even where it names work.
  assert.equal(register('explain why you need to cleanse and prepare data'), 'knowing');
});

test('a leading verb above assisting says what is done; assisting, plain and ambiguous verbs are neither', () => {
  assert.equal(register('communicate findings to the team'), 'doing: communicate');
  assert.equal(register('design new filing schemes'), 'doing: design');
  assert.equal(register('help colleagues file documents'), 'neither');
  assert.equal(register('carry out routine checks'), 'neither');
  assert.equal(register('identify relevant sources of information'), 'neither');
  assert.equal(register('iterate quickly'), 'neither');
});

test('understanding joined to what is done: a coordinated verb that does, or an ability clause', () => {
  assert.equal(register('understand and communicate service benefits to end users'), 'doing: understand and communicate');
  assert.equal(register('understand and follow the filing procedures'), 'knowing');
  assert.equal(register('understand the principles of data modelling and can produce data models'), 'doing: can produce');
  assert.equal(register('show an understanding of statistics, and be able to apply it'), 'doing: be able to apply');
  // "can" inside what is understood is not an ability of the holder.
  assert.equal(register('explain what can go wrong with records'), 'knowing');
});
