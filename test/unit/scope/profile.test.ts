import { test } from 'node:test';
import assert from 'node:assert/strict';
import { profileText } from '../../../server/src/core/analysis/scope/profile';

/** The weight each phrase of `text` counts for in its profile, by phrase. */
function weights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of profileText(text).evidence) out[e.phrase] = Math.round(e.weight * 100) / 100;
  return out;
}

test('a word naming what the work acts on counts fully only after a directing verb', () => {
  // Reviewing a strategy, or seeing room for innovation, is not setting either.
  assert.equal(weights('regularly review and iterate the strategy').strategy, 0.75);
  assert.equal(weights('see possibilities for improvements and innovation').innovation, 0.75);
  assert.equal(weights('follow organisational data governance').organisational, 0.9);
  // A verb that directs, or a role phrase that does, gives the word its full weight.
  assert.equal(weights('define and own the product strategy').strategy, 2.5);
  assert.equal(weights('coach others in creating a long-term strategy').strategy, 2.5);
  assert.equal(weights('influence organisational decisions on testing').organisational, 3);
  // A phrase that says how the work is done counts wherever it stands.
  assert.equal(weights('review the plans strategically').strategically, 2.5);
});

test('a list of what the work acts on weighs as its largest word', () => {
  // Naming strategies, roadmaps and policies makes the work no wider than naming strategies.
  const w = weights('identify relevant information such as strategies, roadmaps, policies and technical trends');
  assert.ok(Math.abs(w.strategies + w.roadmaps + w.policies - 0.75) < 0.02, 'together they weigh as one discounted word');
  assert.ok(w.strategies > w.roadmaps);
});

test('a word both understood and undirected is discounted once', () => {
  assert.equal(weights('explain the importance of having a strategy').strategy, 0.75);
});

test('the discount leaves too little evidence to trust a strategic reading of a statement about a strategy', () => {
  // The lexicon reading is trusted fully from a confidence of 2 (analysis.ts, TUNING.fullConfidence).
  const p = profileText('regularly review and iterate the strategy');
  assert.ok(p.confidence < 1, `confidence ${p.confidence}`);
  const q = profileText('identify relevant information such as strategies, roadmaps, policies and technical trends');
  assert.ok(q.position !== undefined && q.position < 0.85, `position ${q.position}`);
});
