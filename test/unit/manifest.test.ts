/**
 * What package.json promises VS Code: the competencyLint.rules setting takes what the server takes
 * (a severity, or [severity, options] as in .competency-lint.json), and the commands sit under one
 * category in the Command Palette, the one the README names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT } from '../helpers';
import { RULE_IDS, SETTINGS } from '../../server/src/core/rules/index';
import { rulesSettingProperties } from '../../scripts/docs/rulesSetting';
import { FIX_ALL_KIND } from '../../server/src/lsp/convert';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('the rules setting accepts a severity or [severity, options], and nothing else', () => {
  // VS Code reads settings schemas as draft 7, which Ajv's default class is.
  const validate = new Ajv({ strict: false }).compile(manifest.contributes.configuration.properties['competencyLint.rules']);
  for (const ok of [{}, { 'level-balance': 'off' }, { 'duplicate-near': ['error', { threshold: 0.9 }] }, { 'duplicate-near': ['warning'] }]) {
    assert.ok(validate(ok), JSON.stringify(ok));
  }
  for (const bad of [{ schema: 'loud' }, { schema: ['loud'] }, { schema: [] }, { schema: ['error', {}, 1] }, { schema: ['error', 'x'] }]) {
    assert.ok(!validate(bad), JSON.stringify(bad));
  }
});

test('every command is in the category the README names', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const named = /Commands \(Command Palette, category \*([^*]+)\*\)/.exec(readme)?.[1];
  assert.equal(named, 'Competency Lint');
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, named, c.command);
    assert.ok(readme.includes(`**${c.title}**`), `the README names ${c.title}`);
  }
});

test('the rules setting knows every rule id and its options, so settings.json completes them and flags a typo', () => {
  const setting = manifest.contributes.configuration.properties['competencyLint.rules'];
  assert.deepEqual(Object.keys(setting.properties ?? {}), [...RULE_IDS, 'large-file'], 'one property per rule, in registry order, then the large-file notice');
  assert.deepEqual(setting.properties, rulesSettingProperties(SETTINGS), 'package.json is up to date: run npm run docs');
  const validate = new Ajv({ strict: false }).compile(setting);
  assert.ok(!validate({ 'topic-gapp': 'off' }), 'an id no rule has is flagged');
  assert.ok(!validate({ 'duplicate-near': ['error', { treshold: 0.9 }] }), 'an option the rule lacks is flagged');
  assert.ok(!validate({ 'duplicate-near': ['error', { threshold: 'high' }] }), 'an option of the wrong type is flagged');
  assert.ok(validate({ 'duplicate-near': ['error', { threshold: 0.9 }], 'topic-gap': 'off' }));
  assert.doesNotMatch(setting.markdownDescription, /docs\/rules\//, 'no folder the installed extension does not show');
});

test('the README shows how to fix on save, with the code action kind the server offers', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = /"editor\.codeActionsOnSave": \{ "([^"]+)": "explicit" \}/.exec(readme);
  assert.ok(snippet, 'the README has an editor.codeActionsOnSave snippet');
  assert.equal(snippet[1], FIX_ALL_KIND);
});

test('the Settings UI lists the settings in the order of the README table, enable first', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const documented = [...readme.matchAll(/^\| `(competencyLint\.[\w.]+)` \|/gm)].map((m) => m[1]);
  const properties = manifest.contributes.configuration.properties as Record<string, { order?: number }>;
  assert.deepEqual(documented.sort(), Object.keys(properties).sort(), 'the README documents every setting');
  // VS Code sorts settings without `order` alphabetically, which put Debounce Ms above Enable.
  const shown = Object.keys(properties).sort((a, b) => (properties[a].order ?? Infinity) - (properties[b].order ?? Infinity) || (a < b ? -1 : 1));
  assert.deepEqual(shown, [...readme.matchAll(/^\| `(competencyLint\.[\w.]+)` \|/gm)].map((m) => m[1]));
});
