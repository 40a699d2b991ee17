/**
 * The level matrix page in a real browser (Debian's Chromium, headless): written by the built CLI
 * with `--format html -o`, opened from a file:// URL. What a reviewer sees: the levels in order, the
 * threads as the analysis aligned them, flagged cells outlined with their messages, hostile text
 * shown as text and never run, light and dark, print. Screenshots go to test-artifacts/.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyse } from '../../server/src/core/service';
import { scopeAnalysis } from '../../server/src/core/analysis/scope/analysis';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { buildMatrix } from '../../server/src/core/report/matrix';
import { MATRIX_CSS, renderMatrixBody } from '../../server/src/core/report/html';
import { RULE_IDS, findingDocsUrl } from '../../server/src/core/rules/index';
import { EXAMPLE_PATH, EXAMPLE_TEXT, ROOT } from '../helpers';
import { cli } from '../cli/helpers';
import { REPORT_FIXTURES, artifact, launch, open, writeReport } from './browser';

// The callbacks given to page.evaluate run in the browser; these names exist there, not in Node's types.
declare const document: any;
declare function getComputedStyle(el: unknown, pseudo?: string): any;

const PLANTED = join(REPORT_FIXTURES, 'planted.json');
const PAYLOAD = join(REPORT_FIXTURES, 'payload.json');

/** A link to one of the rules' pages, the only address outside the page that the report links to. */
function isRulePage(href: string): boolean {
  return RULE_IDS.some((id) => href === findingDocsUrl(id));
}

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the example: four level columns in order, and the threads aligned as the analysis says', async () => {
  const { file, run } = writeReport([EXAMPLE_PATH]);
  assert.equal(run.status, 0, run.stderr);
  const { page, requests, errors } = await open(browser, file);
  try {
    const heads = await page.$$eval('table.clm-matrix thead th.clm-level', (ths) => ths.map((th) => th.firstChild?.textContent ?? ''));
    assert.deepEqual(heads, ['Emerging', 'Developing', 'Proficient', 'Advanced']);

    // What the page shows: per thread row, the statements in each of the four columns. A cell is
    // named by its statement's place in the document (its id), which the pointers are read from.
    const result = analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG });
    const pointerOf = new Map(result.model.statements.map((s) => [`f0-s${s.ordinal}`, s.pointer]));
    const shown = (
      await page.$$eval('table.clm-matrix tbody tr.clm-thread', (trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')?.textContent ?? '',
          columns: [...tr.querySelectorAll('td')].map((td) => [...td.querySelectorAll('.clm-cell')].map((c) => c.id)),
        })),
      )
    ).map((row) => ({ name: row.name, columns: row.columns.map((ids) => ids.map((id) => pointerOf.get(id))) }));
    const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: EMPTY_CONFIG });
    const expected = scope.threads.map((t) => ({
      name: t.name,
      columns: [0, 1, 2, 3].map((rank) => t.members.filter((m) => scope.statements[m].rank === rank).map((m) => scope.statements[m].statement.pointer)),
    }));
    const key = (x: { name: string; columns: unknown }) => JSON.stringify(x);
    assert.deepEqual(shown.map(key).sort(), expected.map(key).sort());

    // The statements in no thread sit at the bottom of their own column, in document order.
    const loose = (
      await page.$$eval('table.clm-matrix tbody tr.clm-loose', (trs) =>
        // The first cell of a row is its thread's name (empty for these rows), then one per level.
        [0, 1, 2, 3].map((col) => trs.flatMap((tr) => [...tr.children[col + 1].querySelectorAll('.clm-cell')].map((c) => c.id))),
      )
    ).map((ids) => ids.map((id) => pointerOf.get(id)));
    for (let rank = 0; rank < 4; rank++) {
      assert.deepEqual(loose[rank], scope.statements.filter((x) => x.rank === rank && x.thread === undefined).map((x) => x.statement.pointer));
    }
    assert.equal(await page.locator('.clm-cell').count(), 40);
    // The chart plots a dot per statement that could be read, in a row per level.
    assert.equal(await page.locator('svg.clm-chart circle').count(), scope.statements.filter((x) => x.standalone !== undefined).length);
    assert.deepEqual(requests, [], 'nothing is fetched');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a planted duplicate and a moved statement are outlined and name their rule, which links to the message in the list and back', async () => {
  const { file } = writeReport([PLANTED]);
  const json = JSON.parse(cli(['--no-config-lookup', '--format', 'json', PLANTED], { cwd: ROOT }).stdout);
  const messages: { ruleId: string; pointer: string; message: string; severity: string }[] = json[0].messages;
  const result = analyse(readFileSync(PLANTED, 'utf8'), { config: EMPTY_CONFIG });
  const idOf = (pointer: string) => `f0-s${result.model.statements.find((s) => s.pointer === pointer)!.ordinal}`;
  const { page } = await open(browser, file);
  try {
    for (const [pointer, ruleId] of [
      ['/framework/levels/developing/statements/10', 'duplicate-exact'],
      ['/framework/levels/emerging/statements/10', 'scope-misplaced'],
    ]) {
      const finding = messages.find((m) => m.pointer === pointer && m.ruleId === ruleId);
      assert.ok(finding, `the CLI reports ${ruleId} at ${pointer}`);
      const id = idOf(pointer);
      const cell = page.locator(`.clm-cell#${id}`);
      assert.equal(await cell.count(), 1);
      const style = await cell.evaluate((el) => {
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.equal(style.style, 'dashed', `${ruleId}: a warning is outlined dashed`);
      assert.ok(style.width >= 2, `${ruleId}: the outline is visible`);
      // The cell names the rule; its link leads to the finding in the list, which gives the message.
      const link = cell.locator('.clm-msgs a', { hasText: ruleId });
      assert.equal(await link.count(), 1, `${ruleId}: the cell names the rule`);
      await link.click();
      const target = await page.evaluate(() => document.querySelector(':target')?.id);
      const item = page.locator(`ol.clm-findings li#${target}`);
      assert.ok((await item.textContent())!.includes(finding.message), `${ruleId}: the list item it leads to gives the message`);
      // And the list links back to the cell: following the link makes the cell the page's target.
      await item.locator(`a[href="#${id}"]`).first().click();
      assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), id);
    }
    // The moved statement reads two levels above where it sits: the marker says so, not only the colour.
    const moved = page.locator(`.clm-cell#${idOf('/framework/levels/emerging/statements/10')} > div`);
    assert.equal(await moved.evaluate((el) => getComputedStyle(el, '::before').content), '"▲▲" / ""');
    assert.equal(await page.locator('.clm-legend').getByText('reads about two or more levels higher').count(), 1);
  } finally {
    await page.close();
  }
});

test('the payload fixture runs nothing, injects no element, and shows the payload as text', async () => {
  const { file } = writeReport([PAYLOAD]);
  const opened = await open(browser, file);
  const { page } = opened;
  try {
    // Hover and click everything a reader might: injected handlers would fire here.
    for (const el of await page.locator('.clm-cell, th, .clm-occ dd').all()) await el.hover();
    // Every link inside the page; the rules' pages are ours, and checked below rather than visited.
    for (const a of await page.locator('a[href^="#"]').all()) await a.click({ force: true });
    // Chart dots overlap, so every element also gets the events an injected handler would listen for.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) el.dispatchEvent(new Event(type, { bubbles: true }));
      }
    });
    const injected = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      elements: document.querySelectorAll('img, iframe, object, embed, form, input, textarea, base, link, body svg:not(.clm-chart), [onload], [onerror], [onmouseover]').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
      hrefs: [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => !h.startsWith('#')),
      styles: document.querySelectorAll('style').length,
    }));
    // The only links out of the page are the findings' rule pages, at the address the registry gives.
    injected.hrefs = injected.hrefs.filter((h: string) => !isRulePage(h));
    assert.deepEqual(injected, { scripts: 0, elements: 0, handlers: [], hrefs: [], styles: 1 });
    assert.deepEqual(opened.dialogs, [], 'no alert, confirm or prompt');
    assert.deepEqual(opened.errors, []);
    assert.deepEqual(opened.requests, [], 'no request for src=x or anything else');

    const visible = await page.locator('main').innerText();
    for (const payload of [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '</style><script>alert(2)</script>',
      '{{x}} and ${x}',
      "<img src=x onerror=alert('label')>Emerging",
      "<script>alert('title')</script>Librarians",
      '<a href="javascript:alert(7)">click</a>',
    ]) {
      assert.ok(visible.includes(payload), `shown as text: ${payload}`);
    }
    // `</style>` in the data did not end the style sheet: the cells are still styled.
    const border = await page.locator('.clm-cell').first().evaluate((el) => getComputedStyle(el).borderLeftWidth);
    assert.equal(border, '5px');
  } finally {
    await page.close();
  }
});

test('several files: one page with an index of the files and their totals, linking to each section', async () => {
  const inputs = [EXAMPLE_PATH, PLANTED, PAYLOAD];
  const { file } = writeReport(inputs);
  const json = JSON.parse(cli(['--no-config-lookup', '--format', 'json', ...inputs], { cwd: ROOT }).stdout);
  const { page } = await open(browser, file);
  try {
    const rows = await page.$$eval('table.clm-index tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    assert.equal(rows.length, 3);
    rows.forEach((cells, i) => {
      assert.ok(json[i].filePath.endsWith(cells[0]), `${cells[0]} is ${json[i].filePath}`);
      assert.deepEqual(cells.slice(4).map(Number), [json[i].errorCount, json[i].warningCount, json[i].infoCount]);
    });
    assert.equal(await page.locator('section.clm-file').count(), 3);
    const links = await page.$$eval('table.clm-index a', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) assert.equal(await page.locator(`section${href}`).count(), 1);
  } finally {
    await page.close();
  }
});

test('light and dark follow the reader\'s colour scheme; the page prints on white; screenshots kept', async () => {
  const { file } = writeReport([EXAMPLE_PATH]);
  const colours: Record<string, { bg: string; fg: string; flag: string }> = {};
  const flagColour = (page: import('playwright-core').Page) => page.locator('.clm-cell.clm-flag-info').first().evaluate((el) => getComputedStyle(el).outlineColor);
  for (const scheme of ['light', 'dark'] as const) {
    const { page } = await open(browser, file, scheme);
    try {
      await page.emulateMedia({ colorScheme: scheme });
      const main = await page.locator('main.clm').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color }));
      colours[scheme] = { ...main, flag: await flagColour(page) };
      await page.screenshot({ path: artifact(`level-matrix-${scheme}.png`) });
      await page.screenshot({ path: artifact(`level-matrix-${scheme}-full.png`), fullPage: true });
      if (scheme === 'dark') {
        await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
        const printed = await page.locator('main.clm').evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.equal(printed, 'rgb(255, 255, 255)', 'printing uses white paper even in dark mode');
        assert.equal(await flagColour(page), colours.light.flag, 'and the colours meant for white paper');
        assert.notEqual(colours.dark.flag, colours.light.flag);
        await page.pdf({ path: artifact('level-matrix.pdf'), format: 'A4', landscape: true, printBackground: true });
      }
    } finally {
      await page.close();
    }
  }
  assert.equal(colours.light.bg, 'rgb(255, 255, 255)');
  assert.notEqual(colours.dark.bg, colours.light.bg);
  assert.notEqual(colours.dark.fg, colours.light.fg);
  for (const name of ['level-matrix-light.png', 'level-matrix-dark.png', 'level-matrix.pdf']) assert.ok(statSync(artifact(name)).size > 10_000, name);
  // `UPDATE_DOCS_IMAGE=1 node scripts/test.mjs report` refreshes the README's picture from this run.
  if (process.env.UPDATE_DOCS_IMAGE === '1') copyFileSync(artifact('level-matrix-light.png'), join(ROOT, 'docs/images/level-matrix.png'));
  assert.ok(existsSync(join(ROOT, 'docs/images/level-matrix.png')), 'the README shows docs/images/level-matrix.png');
  assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes('docs/images/level-matrix.png'));
});

test("in VS Code's webview the editor's theme wins over the system's scheme", async () => {
  // VS Code puts its theme kind on the webview's body; the system scheme may well be the other one.
  const result = analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG });
  const body = renderMatrixBody(buildMatrix(result, { config: EMPTY_CONFIG, title: 'example' }));
  const backgrounds: Record<string, string> = {};
  for (const [theme, system] of [['vscode-dark', 'light'], ['vscode-light', 'dark']] as const) {
    const page = await browser.newPage({ colorScheme: system });
    try {
      await page.setContent(`<!DOCTYPE html><html><head><style>${MATRIX_CSS}</style></head><body class="${theme}">${body}</body></html>`);
      backgrounds[theme] = await page.locator('main.clm').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(await page.locator('.clm-cell button.clm-reveal').count(), 40, 'each cell\'s statement is reachable from the keyboard');
    } finally {
      await page.close();
    }
  }
  assert.equal(backgrounds['vscode-light'], 'rgb(255, 255, 255)');
  assert.equal(backgrounds['vscode-dark'], 'rgb(15, 20, 25)');
});
