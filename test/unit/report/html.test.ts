/**
 * The report's HTML, checked as text: hostile statements, labels and titles come out escaped, the
 * page has no script and nothing remote, ids are unique across several files, and the index links
 * to every file's section. The same page is checked in a real browser by test/report/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../../server/src/core/service';
import { EMPTY_CONFIG } from '../../../server/src/core/config/types';
import { buildMatrix } from '../../../server/src/core/report/matrix';
import { MATRIX_CSS, renderMatrixBody, renderPage, renderSection, renderTotals, sectionOrNote, sectionPieces } from '../../../server/src/core/report/html';
import { text as escapeText } from '../../../server/src/core/report/escape';
import { RULE_IDS, findingDocsUrl } from '../../../server/src/core/rules/index';
import { EXAMPLE_TEXT, ROOT, exampleWith } from '../../helpers';

const PAYLOAD = readFileSync(join(ROOT, 'test/report/fixtures/payload.json'), 'utf8');
const PLANTED = readFileSync(join(ROOT, 'test/report/fixtures/planted.json'), 'utf8');

function page(texts: string[], titles = texts.map((_, i) => `file${i}.json`)): string {
  const views = texts.map((t, i) => buildMatrix(analyse(t, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: titles[i], idPrefix: `f${i}` }));
  return renderPage(views, { version: '9.9.9', problems: ['broken.json: <b>not</b> readable'] });
}

/** Every start tag of the page, with its attributes (our markup always double-quotes values). */
function tags(html: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = [...m[2].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ''] as [string, string]);
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

/** A link to one of the rules' pages, the only address outside the page that the report links to. */
function isRulePage(href: string): boolean {
  return RULE_IDS.some((id) => href === findingDocsUrl(id));
}

const ALLOWED_ATTRS = /^(class|id|href|title|role|tabindex|lang|charset|name|content|http-equiv|scope|colspan|viewBox|width|height|x|y|x1|x2|y1|y2|cx|cy|r|rx|d|text-anchor|preserveAspectRatio|aria-[a-z]+|data-[a-z]+)$/;

test('hostile statements, labels, titles and messages are shown as text, never as markup', () => {
  const html = page([PAYLOAD], ['payload.json"><script>alert("file")</script>']);
  const doc = JSON.parse(PAYLOAD);
  const strings: string[] = [doc.occupation.title, doc.occupation.group, ...Object.values(doc.framework.levels).flatMap((l: any) => [l.label, ...l.statements.map((s: string) => s.split(' — ')[0])])];
  for (const s of strings) {
    if (/[\u0000-\u0008]/.test(s)) continue;
    assert.ok(html.includes(escapeText(s)), `shown escaped: ${s}`);
  }
  assert.ok(html.includes('{{x}} and ${x}'), 'template syntax is left as text');
  for (const raw of ['<script', '<img', '<iframe', '<svg onload', '<body onload', '<a href="javascript', '<style>body', '<!--', '<![CDATA[', '\u0000']) {
    assert.ok(!html.includes(raw), `no raw ${JSON.stringify(raw)} in the page`);
  }
  assert.equal(html.split('<style').length - 1, 1, 'one style element, ours');
  assert.equal(html.split('</style>').length - 1, 1, 'the payload cannot close it');
  for (const t of tags(html)) {
    for (const [name, value] of t.attrs) {
      assert.match(name, ALLOWED_ATTRS, `<${t.name}> has only our attributes, found ${name}`);
      if (name === 'href') assert.ok(/^#[\w-]+$/.test(value) || isRulePage(value), `links stay inside the page, but for the rules' pages: ${value}`);
    }
  }
  const known = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'div', 'section', 'dl', 'dt', 'dd', 'ul', 'ol', 'li', 'a', 'code', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'line', 'text', 'circle', 'path', 'nav', 'strong', 'b', 'details', 'summary']);
  for (const t of tags(html)) assert.ok(known.has(t.name), `only our elements, found <${t.name}>`);
});

test('a right-to-left override in a label or topic is shown as its code point, so it cannot reverse what follows', () => {
  const doc = JSON.parse(EXAMPLE_TEXT);
  doc.framework.levels.emerging.label = 'Emerging\u202E';
  doc.framework.levels.developing.statements[0] = doc.framework.levels.developing.statements[0].replace(/^[^—]*—/, 'Budget \u202Etracking \u2066x\u2069 —');
  const html = page([JSON.stringify(doc)]);
  assert.doesNotMatch(html, /[\u202A-\u202E\u2066-\u2069]/);
  assert.ok(html.includes('Emerging&lt;U+202E&gt;'));
  assert.ok(html.includes('Budget &lt;U+202E&gt;tracking &lt;U+2066&gt;x&lt;U+2069&gt;'));
  // Right-to-left letters themselves are text like any other.
  assert.equal(escapeText('مكتبة ספרייה'), 'مكتبة ספרייה');
  // A pointer is data the webview follows back to the document: it keeps the key exactly.
  const keyed = JSON.parse(EXAMPLE_TEXT);
  keyed.framework.levels = { 'emerging\u202E': keyed.framework.levels.emerging, ...keyed.framework.levels };
  delete keyed.framework.levels.emerging;
  const keyedPage = renderMatrixBody(buildMatrix(analyse(JSON.stringify(keyed), { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'x' }));
  assert.ok(keyedPage.includes('data-pointer="/framework/levels/emerging\u202E"'), 'the level header keeps the key');
  assert.ok(keyedPage.includes('data-pointer="/framework/levels/emerging\u202E/statements/0"'), 'a cell keeps the key');
});

test('a dot drawn in another band than its cell\'s reading says both in its tip; a dot in its reading\'s band needs none', () => {
  const v = buildMatrix(analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'x', idPrefix: 'f0' });
  const html = renderPage([v], { version: '0', problems: [] });
  const names = v.levels.map((l) => l.name);
  const cells = new Map(v.levels.flatMap((l) => l.cells).map((c) => [c.id, c]));
  // The plot spans x 150 to 736 (the chart's margins), one band per level.
  const band = (cx: number) => names[Math.min(names.length - 1, Math.floor(((cx - 150) / (760 - 150 - 24)) * names.length))];
  const dots = [...html.matchAll(/<a href="#([\w-]+)"><circle class="clm-r-[^"]*" cx="([\d.]+)"[^>]*>(?:<title>([^<]*)<\/title>)?<\/circle><\/a>/g)];
  assert.equal(dots.length, [...cells.values()].filter((c) => c.standalone !== undefined).length);
  let differing = 0;
  for (const [, id, cx, title] of dots) {
    const reading = cells.get(id)!.readsAs;
    if (title === undefined) {
      assert.ok(reading === undefined || reading === band(Number(cx)), `${id} reads as ${reading}, drawn at ${band(Number(cx))}, with no tip to say so`);
      continue;
    }
    differing++;
    assert.equal(title, `its wording alone reads as ${band(Number(cx))}; with the statements it resembles, as ${reading}`);
    assert.notEqual(reading, band(Number(cx)));
  }
  // The example has statements whose wording alone and overall reading differ (the review's case).
  assert.ok(differing > 0);
});

test('a page with no file says why: nothing found, or the inputs that could not be linted, not both', () => {
  assert.match(renderPage([], { version: '0', problems: [] }), /No framework files found to lint\./);
  const failed = renderPage([], { version: '0', problems: ['a.json: not linted, because its config .competency-lint.json is broken'] });
  assert.match(failed, /Not linted:/);
  assert.doesNotMatch(failed, /No framework files found/);
});

test('a keyboard user can skip the chart\'s dots: a link before them leads to the level matrix', () => {
  const html = page([EXAMPLE_TEXT]);
  const skip = /<a class="clm-skip" href="#([\w-]+)">Skip the chart to the level matrix<\/a>/.exec(html);
  assert.ok(skip);
  assert.ok(skip.index < html.indexOf('<circle'), 'before the first dot');
  assert.match(html, new RegExp(`<h3 id="${skip[1]}">Level matrix</h3>`));
});

test('the standalone page allows no script and loads nothing from elsewhere', () => {
  const html = page([EXAMPLE_TEXT]);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
  const hashed = renderPage([], { version: '1', styleHash: 'abc+/=' });
  assert.match(hashed, /style-src 'sha256-abc\+\/='; img-src data:/, 'with a hash, only that style sheet is allowed');
  assert.ok(!/<script/i.test(html));
  assert.ok(!/\bsrc="/.test(html), 'no src');
  for (const m of html.matchAll(/\bhref="(?!#)([^"]*)"/g)) assert.ok(isRulePage(m[1]), `no link outside the page but the rules' pages: ${m[1]}`);
  assert.ok(!/url\(|@import/.test(html), 'no external style resources');
});

test('several files: an index linking to each section, ids unique across the page', () => {
  const html = page([EXAMPLE_TEXT, PLANTED, '{ not json']);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'no id twice');
  const idSet = new Set(ids);
  for (const m of html.matchAll(/href="#([^"]+)"/g)) assert.ok(idSet.has(m[1]), `link target #${m[1]} exists`);
  const index = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
  for (const i of [0, 1, 2]) assert.ok(index.includes(`href="#f${i}"`), `the index links to file ${i}`);
  assert.equal(html.split('<section class="clm-file"').length - 1, 3);
  assert.ok(html.includes('broken.json: &lt;b&gt;not&lt;/b&gt; readable'), 'inputs that were not linted are listed, escaped');
  assert.ok(html.includes('has no <code>framework.levels</code>'), 'a file that is not a framework says so');
});

test('the webview body gives cells their pointer and statement offsets, and each statement a button', () => {
  const result = analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG });
  const body = renderMatrixBody(buildMatrix(result, { config: EMPTY_CONFIG, title: 'x' }));
  const s = result.model.statements[3];
  const cell = body.match(new RegExp(`<div class="clm-cell[^"]*" id="m-s3"[^>]*>`))?.[0] ?? '';
  assert.ok(cell.includes(`data-pointer="${s.pointer}"`));
  assert.ok(cell.includes(`data-start="${s.range.start}" data-end="${s.range.end}"`));
  assert.ok(!cell.includes('role="button"') && !cell.includes('tabindex'), 'the cell, which holds links, is no button');
  const button = body.slice(body.indexOf(cell)).match(/<button type="button" class="clm-text clm-reveal" aria-describedby="m-reveal-hint">([^]*?)<\/button>/);
  assert.ok(button, 'the statement is a button');
  assert.ok(!/<a\b/.test(button[1]), 'with no link inside');
  assert.ok(body.includes('<span id="m-reveal-hint" hidden>Selects the statement in the editor</span>'), 'which says what it does');
  assert.equal(EXAMPLE_TEXT.slice(s.range.start, s.range.end), JSON.stringify(s.text), 'the offsets are the statement literal');
  assert.ok(!body.includes('<script'), 'the server sends no script; the client adds its own under a nonce');
});

test('a section too long for a string becomes a note with the file’s totals, and the page is still made', () => {
  const view = buildMatrix(analyse(PLANTED, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'huge <b>.json', idPrefix: 'f7' });
  const pieces = sectionOrNote(view, () => {
    throw new RangeError('Invalid string length');
  });
  const note = [pieces.head, ...pieces.body].join('');
  assert.match(note, /^<section class="clm-file" id="f7">/);
  assert.ok(note.includes('<h2>huge &lt;b&gt;.json</h2>'), 'the title, escaped');
  assert.ok(note.includes(renderTotals(view.totals)), 'the totals');
  assert.match(note, /too large to show on one page; <code>--format json<\/code> lists its findings/);
  assert.deepEqual(sectionOrNote(view), sectionPieces(view), 'a section that fits is the section');
  assert.throws(() => sectionOrNote(view, () => { throw new TypeError('a bug'); }), TypeError, 'any other error is not hidden');
});

test('a finding about two statements links to the other one: a duplicate names its first copy under it, linked to that cell', () => {
  const text = exampleWith((doc) => {
    doc.framework.levels.advanced.statements.push(doc.framework.levels.emerging.statements[1]);
  });
  const result = analyse(text, { config: EMPTY_CONFIG });
  const view = buildMatrix(result, { config: EMPTY_CONFIG, title: 'x', idPrefix: 'f0' });
  const finding = view.findings.find((f) => f.ruleId === 'duplicate-exact');
  assert.ok(finding, 'the planted copy is found');
  const first = view.levels[0].cells[1];
  assert.deepEqual(finding.related.map((r) => r.target), [first.id], 'the related place is the first copy’s cell');
  const html = renderSection(view);
  const item = html.slice(html.indexOf(`<li id="${finding.id}"`), html.indexOf('</li></ul></li>', html.indexOf(`<li id="${finding.id}"`)));
  const { line, column } = finding.related[0];
  assert.match(item, new RegExp(`<ul aria-label="Related places"><li><a href="#${first.id}">${line}:${column}</a>The same statement at Emerging #2`));
});

test('every finding in the list links to its rule\'s page, the address the editor, SARIF and JUnit give', () => {
  const view = buildMatrix(analyse(PLANTED, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'x', idPrefix: 'f0' });
  assert.ok(view.findings.length > 0);
  const html = renderSection(view);
  // The findings list's items, each up to the next one.
  const items = html.slice(html.indexOf('<ol class="clm-findings">')).split('<li id="').slice(1);
  assert.equal(items.length, view.findings.length);
  for (const f of view.findings) {
    const item = items.find((i) => i.startsWith(`${f.id}"`));
    assert.ok(item?.includes(`<a class="clm-rule" href="${findingDocsUrl(f.ruleId)}"`), `${f.ruleId} links to its page`);
  }
});

test('the totals name severities as the legend and the stylish report do', () => {
  const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[✖⚠ℹ]/g, '').replace(/\s+/g, ' ').trim();
  assert.equal(plain(renderTotals({ error: 2, warning: 1, info: 3 })), '2 errors 1 warning 3 info');
  assert.equal(plain(renderTotals({ error: 0, warning: 0, info: 1 })), '0 errors 0 warnings 1 info');
  // A zero count is drawn faded, whatever its word.
  assert.equal((renderTotals({ error: 0, warning: 2, info: 0 }).match(/clm-zero/g) ?? []).length, 2);
  // The index of files heads its columns with the same words.
  const head = /<table class="clm-index"><thead>(.*?)<\/thead>/.exec(page([EXAMPLE_TEXT, PLANTED]))?.[1] ?? '';
  assert.equal(plain(head), 'File SOC code Title Statements Errors Warnings Info');
});

/** An element's text as a screen reader gets it: aria-hidden parts left out, aria-labels read instead of their content. */
function spoken(html: string): string {
  return html
    .replace(/<span[^>]*aria-hidden="true"[^>]*>[^<]*<\/span>/g, '')
    .replace(/<(span|a)[^>]*aria-label="([^"]*)"[^>]*>[^<]*<\/\1>/g, ' $2 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

test('a finding shown in a cell or a level header says its severity in words, not by its icon and colour alone', () => {
  const view = buildMatrix(analyse(PLANTED, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'x', idPrefix: 'f0' });
  const html = renderSection(view);
  let links = 0;
  for (const f of view.findings) {
    // The links to the finding in the list: from its cell, or from its level's header.
    for (const m of html.matchAll(new RegExp(`<a class="clm-sev-${f.severity}" href="#${f.id}"[^>]*>.*?</a>`, 'g'))) {
      links++;
      assert.equal(spoken(m[0]), `${f.severity} ${f.ruleId}`, `${f.ruleId} in a cell or header`);
    }
  }
  assert.ok(links >= 2, 'the planted fixture has findings in cells');
  assert.ok(view.findings.some((f) => f.severity === 'warning'));
});

test('a thread\'s gap at a level is drawn as a dash and read out in words', () => {
  const html = renderSection(buildMatrix(analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG }), { config: EMPTY_CONFIG, title: 'x', idPrefix: 'f0' }));
  const gaps = [...html.matchAll(/<td class="clm-gap"[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
  assert.ok(gaps.length > 0, 'the example has threads that skip a level');
  for (const g of gaps) assert.equal(spoken(g), 'no statement at this level');
  // The dash is the style sheet's, with no words of its own for a screen reader (test/report checks it is drawn).
  assert.ok(MATRIX_CSS.includes('.clm .clm-gap::before { content: "—"; content: "—" / ""; }'), 'and shown as a dash');
});
