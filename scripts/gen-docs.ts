/**
 * `npm run docs`: rewrites the generated rules tables (the README's and docs/rules/README.md's index)
 * and package.json's competencyLint.rules setting (one property per rule) from the rule registry. Only the text between `<!-- rules:start -->` and `<!-- rules:end -->` is
 * rewritten; a README that does not exist yet is created with just a heading and the markers.
 * `--check` writes nothing and exits 1 when a table is out of date; `--root DIR` works on another
 * checkout than this one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES, SETTINGS } from '../server/src/core/rules/index';
import { GENERATED_TABLES, MINIMAL_README, renderRulesTable, replaceRegion, START_MARKER, END_MARKER } from './docs/rulesTable';
import { rulesSettingProperties } from './docs/rulesSetting';

// `--root DIR` runs against another checkout (the docs test uses a scratch copy).
const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 && process.argv[rootAt + 1] ? resolve(process.argv[rootAt + 1]) : join(__dirname, '..');
const check = process.argv.includes('--check');
let failed = false;

for (const { file, pageBase } of GENERATED_TABLES) {
  const path = join(root, file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : MINIMAL_README;
  const after = replaceRegion(before, renderRulesTable(RULES, pageBase));
  if (after === undefined) {
    console.error(`${file}: the markers ${START_MARKER} and ${END_MARKER} are missing; add them where the rules table belongs.`);
    failed = true;
    continue;
  }
  if (after === before && existsSync(path)) {
    console.log(`${file}: up to date`);
  } else if (check) {
    console.error(`${file}: the rules table is out of date; run npm run docs.`);
    failed = true;
  } else {
    writeFileSync(path, after);
    console.log(`${file}: rules table written (${RULES.length} rules)`);
  }
}
// package.json's competencyLint.rules setting: one property per rule and the large-file notice (scripts/docs/rulesSetting.ts).
{
  const path = join(root, 'package.json');
  if (existsSync(path)) {
    const before = readFileSync(path, 'utf8');
    const manifest = JSON.parse(before);
    const setting = manifest.contributes?.configuration?.properties?.['competencyLint.rules'];
    if (setting) {
      setting.properties = rulesSettingProperties(SETTINGS);
      const after = `${JSON.stringify(manifest, null, 2)}\n`;
      if (after === before) console.log('package.json: competencyLint.rules up to date');
      else if (check) {
        console.error('package.json: the competencyLint.rules setting is out of date; run npm run docs.');
        failed = true;
      } else {
        writeFileSync(path, after);
        console.log(`package.json: competencyLint.rules written (${RULES.length} rules and the large-file notice)`);
      }
    }
  }
}
process.exit(failed ? 1 : 0);
