/**
 * The rule documentation is checked against the registry, in the manner of markdownlint: every rule
 * has a page and every page a rule, every page follows the template of docs/rules/README.md, the
 * generated tables are up to date, and each page's examples, when linted, do what the page says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit } from 'jsonc-parser';
import { findingDocsUrl, LARGE_FILE_NOTICE, RULES, ruleDocsUrl } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/types';
import { EXAMPLE_TEXT, ROOT, lintText } from '../helpers';
import { GENERATED_TABLES, generatedRegion, regionContent, renderRulesTable } from '../../scripts/docs/rulesTable';

const DOCS = join(ROOT, 'docs/rules');

/** The `##` sections every page has, in this order (docs/rules/README.md, "Page template"). */
export const SECTIONS = ['What it finds', 'Why it matters', 'Failing example', 'Passing example', 'How to fix', 'Configuration'];

interface Heading {
  level: number;
  text: string;
  line: number;
}

interface CodeBlock {
  info: string;
  content: string;
  line: number;
}

interface Page {
  headings: Heading[];
  /** The code blocks under each `##` heading. */
  blocks: Map<string, CodeBlock[]>;
  /** The prose and code of each `##` section. */
  sections: Map<string, string>;
}

/** Headings and fenced code blocks of a Markdown page; `#` lines inside code are not headings. */
function parsePage(text: string): Page {
  const page: Page = { headings: [], blocks: new Map(), sections: new Map() };
  const lines = text.split('\n');
  let section = '';
  let fence: { marker: string; info: string; start: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/`+|~+/, '') === '' && line.trim().length >= fence.marker.length) {
        const list = page.blocks.get(section) ?? [];
        list.push({ info: fence.info, content: fence.body.join('\n'), line: fence.start + 1 });
        page.blocks.set(section, list);
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      page.sections.set(section, (page.sections.get(section) ?? '') + line + '\n');
      return;
    }
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (open) {
      fence = { marker: open[1], info: open[2], start: i, body: [] };
    } else {
      const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (h) {
        page.headings.push({ level: h[1].length, text: h[2], line: i + 1 });
        if (h[1].length === 2) section = h[2];
      }
    }
    page.sections.set(section, (page.sections.get(section) ?? '') + line + '\n');
  });
  return page;
}

function pageFiles(): string[] {
  return readdirSync(DOCS).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
}

function readPage(id: string): Page {
  return parsePage(readFileSync(join(DOCS, `${id}.md`), 'utf8'));
}

/**
 * The document an example stands for (docs/rules/README.md, "How the examples are linted"): a list
 * of strings replaces the first level's statements of the bundled example, an object is a JSON
 * Merge Patch over it, and anything else (text that is not strict JSON included) is linted as is.
 */
export function exampleDocument(block: string): string {
  let value: unknown;
  try {
    value = JSON.parse(block);
  } catch {
    return block;
  }
  const base = JSON.parse(EXAMPLE_TEXT);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const first = Object.keys(base.framework.levels)[0];
    base.framework.levels[first].statements = value;
    return JSON.stringify(base, null, 2) + '\n';
  }
  // An object with a key written twice is linted as it stands: a patch would keep only the last.
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !hasDuplicateKey(block)) {
    return JSON.stringify(mergePatch(base, value), null, 2) + '\n';
  }
  return block;
}

function hasDuplicateKey(text: string): boolean {
  const stack: Set<string>[] = [];
  let duplicate = false;
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (name) => {
      const keys = stack[stack.length - 1];
      if (keys.has(name)) duplicate = true;
      keys.add(name);
    },
  });
  return duplicate;
}

/** RFC 7396: objects merge key by key, `null` removes a key, any other value replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function exampleOf(rule: Rule, section: 'Failing example' | 'Passing example'): string {
  const block = readPage(rule.id).blocks.get(section)?.find((b) => b.info === 'json' || b.info === 'jsonc');
  assert.ok(block, `docs/rules/${rule.id}.md: "## ${section}" has no \`\`\`json block`);
  return exampleDocument(block.content);
}

test('rule ids are kebab-case and unique', () => {
  const seen = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, `rule id "${rule.id}" is not kebab-case`);
    assert.ok(!seen.has(rule.id), `rule id "${rule.id}" is registered twice`);
    seen.add(rule.id);
  }
});

test('every rule has a page and every page has a rule', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const pages = new Set(pageFiles().map((n) => n.slice(0, -3)));
  assert.deepEqual([...ids].filter((id) => !pages.has(id)), [], 'rules without a page docs/rules/<id>.md');
  assert.deepEqual([...pages].filter((id) => !ids.has(id)), [], 'pages docs/rules/<id>.md without a rule');
  for (const id of ids) assert.ok(ruleDocsUrl(id).endsWith(`/docs/rules/${id}.md`), `the diagnostics of ${id} link to its page`);
});

test('the large-file notice, which is not a rule, links to the README section on maxFileSize', () => {
  assert.ok(!RULES.some((r) => r.id === LARGE_FILE_NOTICE));
  const url = findingDocsUrl(LARGE_FILE_NOTICE);
  const [file, anchor] = url.replace(/^.*\/blob\/main\//, '').split('#');
  const text = readFileSync(join(ROOT, file), 'utf8');
  // GitHub's anchor for a heading: lower case, spaces as hyphens, punctuation dropped.
  const section = text.split(/\n(?=## )/).find((part) => part.startsWith('## ') && part.slice(3, part.indexOf('\n')).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-') === anchor);
  assert.ok(section, `${file} has no heading for #${anchor}`);
  assert.match(section!, /maxFileSize/);
  for (const r of RULES) assert.equal(findingDocsUrl(r.id), ruleDocsUrl(r.id));
});

test('every page follows the template: its id as the title, then the six sections in order', () => {
  for (const rule of RULES) {
    if (!existsSync(join(DOCS, `${rule.id}.md`))) continue; // reported by the test above
    const page = readPage(rule.id);
    const where = `docs/rules/${rule.id}.md`;
    assert.deepEqual(page.headings.filter((h) => h.level === 1).map((h) => h.text), [rule.id], `${where}: the one "#" title is the rule id`);
    assert.deepEqual(page.headings.filter((h) => h.level === 2).map((h) => h.text), SECTIONS, `${where}: the "##" sections of the template, in order`);
    for (const name of SECTIONS) {
      const body = (page.sections.get(name) ?? '').split('\n').slice(1).join('\n').trim();
      assert.ok(body.length > 0, `${where}: "## ${name}" is empty`);
    }
    const configuration = page.sections.get('Configuration') ?? '';
    assert.ok(configuration.includes(`"${rule.id}"`), `${where}: "## Configuration" shows how to set "${rule.id}" in .competency-lint.json`);
    for (const option of rule.options ?? []) {
      assert.ok(configuration.includes(`\`${option.name}\``), `${where}: "## Configuration" explains the option \`${option.name}\``);
    }
  }
});

test('the generated rules tables are up to date with the registry (npm run docs)', () => {
  for (const { file, pageBase } of GENERATED_TABLES) {
    const path = join(ROOT, file);
    assert.ok(existsSync(path), `${file} is missing; npm run docs creates it`);
    const region = generatedRegion(readFileSync(path, 'utf8'));
    assert.ok(region !== undefined, `${file} has no <!-- rules:start --> … <!-- rules:end --> markers`);
    assert.equal(region, regionContent(renderRulesTable(RULES, pageBase)), `${file}: the rules table is out of date; run npm run docs`);
  }
});

for (const rule of RULES) {
  test(`the examples of docs/rules/${rule.id}.md do what they say`, () => {
    if (!existsSync(join(DOCS, `${rule.id}.md`))) return; // reported by the page test
    const failing = lintText(exampleOf(rule, 'Failing example')).filter((f) => f.ruleId === rule.id);
    assert.ok(failing.length > 0, `docs/rules/${rule.id}.md: the failing example does not trigger ${rule.id}`);
    const passing = lintText(exampleOf(rule, 'Passing example')).filter((f) => f.ruleId === rule.id);
    assert.deepEqual(
      passing.map((f) => `${f.line}:${f.column} ${f.message}`),
      [],
      `docs/rules/${rule.id}.md: the passing example triggers ${rule.id}`,
    );
    if (rule.fixable) {
      assert.ok(
        failing.some((f) => f.fix && f.fix.safe === (rule.fixable === 'safe')),
        `docs/rules/${rule.id}.md: ${rule.id} says its fixes are "${rule.fixable}", but the failing example's findings carry no such fix`,
      );
    } else {
      assert.deepEqual(failing.filter((f) => f.fix).map((f) => f.fix!.title), [], `${rule.id} carries fixes but does not declare \`fixable\``);
    }
  });
}

test('npm run docs creates a missing README and afterwards rewrites only the text between the markers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'competency-lint-docs-'));
  try {
    mkdirSync(join(dir, 'docs/rules'), { recursive: true });
    writeFileSync(join(dir, 'docs/rules/README.md'), '# Rules\n\n<!-- rules:start -->\nstale\n<!-- rules:end -->\n\n## Page template\n');
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen-docs.ts'), '--root', dir], { cwd: ROOT, encoding: 'utf8' });

    let r = run();
    assert.equal(r.status, 0, r.stderr);
    const created = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.ok(created.startsWith('# competency-lint\n'), 'a missing README gets a heading');
    assert.equal(generatedRegion(created), regionContent(renderRulesTable(RULES, 'docs/rules/')));
    const index = readFileSync(join(dir, 'docs/rules/README.md'), 'utf8');
    assert.ok(!index.includes('stale') && index.startsWith('# Rules\n') && index.endsWith('\n## Page template\n'));
    assert.ok(index.includes('| [statement-dash](statement-dash.md) | format | warning | yes |'));

    // Someone writes the rest of the README around the markers and spoils the table: only the table changes.
    const written = `# competency-lint\n\nIntro.\n\n<!-- rules:start -->\n| old |\n<!-- rules:end -->\n\n## Licence\n\nMIT.\n`;
    writeFileSync(join(dir, 'README.md'), written);
    r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen-docs.ts'), '--root', dir, '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1, '--check fails on a stale table');
    assert.match(r.stderr, /README\.md: the rules table is out of date; run npm run docs/);
    r = run();
    assert.equal(r.status, 0, r.stderr);
    const rewritten = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.ok(rewritten.startsWith('# competency-lint\n\nIntro.\n\n<!-- rules:start -->\n| Rule |'));
    assert.ok(rewritten.endsWith('<!-- rules:end -->\n\n## Licence\n\nMIT.\n'));

    // A README without the markers is not touched, and the script says what is missing.
    writeFileSync(join(dir, 'README.md'), '# competency-lint\n');
    r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /README\.md: the markers <!-- rules:start --> and <!-- rules:end --> are missing/);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), '# competency-lint\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
