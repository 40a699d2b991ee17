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

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('the rules setting accepts a severity or [severity, options], and nothing else', () => {
  // VS Code reads settings schemas as draft 7, which Ajv's default class is.
  const validate = new Ajv({ strict: false }).compile(manifest.contributes.configuration.properties['competencyLint.rules']);
  for (const ok of [{}, { 'level-balance': 'off' }, { 'duplicate-near': ['error', { threshold: 0.9 }] }, { 'duplicate-near': ['warning'] }]) {
    assert.ok(validate(ok), JSON.stringify(ok));
  }
  for (const bad of [{ x: 'loud' }, { x: ['loud'] }, { x: [] }, { x: ['error', {}, 1] }, { x: ['error', 'x'] }]) {
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
