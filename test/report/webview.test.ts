/**
 * The VS Code webview's page (client/src/levelMatrixPage.ts) in Chromium, with a stand-in for
 * `acquireVsCodeApi`: its policy lets only the nonce-bearing style and script act, even if markup
 * got past the server's escaping; its script reports what it rendered, turns a click or Enter on a
 * cell into a reveal message with the statement's offsets, and swaps in updated bodies.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { analyse } from '../../server/src/core/service';
import { EMPTY_CONFIG } from '../../server/src/core/config/types';
import { buildMatrix } from '../../server/src/core/report/matrix';
import { MATRIX_CSS, renderMatrixBody } from '../../server/src/core/report/html';
import { webviewPage } from '../../client/src/levelMatrixPage';
import { EXAMPLE_TEXT } from '../helpers';
import { launch } from './browser';

// The callbacks given to page.evaluate run in the browser; these names exist there, not in Node's types.
declare const window: any;
declare const document: any;
declare function getComputedStyle(el: unknown): any;

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const result = analyse(EXAMPLE_TEXT, { config: EMPTY_CONFIG });
const BODY = renderMatrixBody(buildMatrix(result, { config: EMPTY_CONFIG, title: 'example' }));
/** Markup as if escaping had failed: each line would act if the policy let it. */
const SMUGGLED = [
  '<img id="smuggled-img" src="x" onerror="window.pwned = \'img\'">',
  '<script>window.pwned = "script"</script>',
  '<style>.clm-cell { display: none !important; }</style>',
  '<div id="smuggled-style" style="display: none">styled</div>',
].join('');

async function openWebview(body: string, version = 7): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // What VS Code provides to a webview: acquireVsCodeApi() with postMessage to the extension.
  // (A string, since the test runner's transform would add helpers to a function that the page lacks.)
  await page.addInitScript(`
    window.posted = [];
    window.violations = [];
    window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.posted.push(m); } }; };
    document.addEventListener('securitypolicyviolation', function (e) { window.violations.push(e.effectiveDirective); });
  `);
  // A real navigation (answered here, nothing leaves the machine), so the stand-in is in place first.
  const html = webviewPage(body, MATRIX_CSS, version);
  await page.route('http://webview.invalid/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://webview.invalid/index.html', { waitUntil: 'load' });
  return { page, dialogs };
}

const posted = (page: Page) => page.evaluate(() => window.posted as Record<string, unknown>[]);

test('the webview policy lets only the nonce-bearing style and script act', async () => {
  const { page, dialogs } = await openWebview(SMUGGLED + BODY);
  try {
    await page.waitForFunction(() => window.posted.length > 0);
    assert.deepEqual((await posted(page))[0], { type: 'rendered', version: 7, cells: 40 }, 'our script ran');
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'neither the handler nor the script without the nonce ran');
    assert.deepEqual(dialogs, []);
    assert.equal(await page.locator('.clm-cell').first().evaluate((el) => getComputedStyle(el).display), 'block', 'the smuggled style sheet did not apply');
    assert.equal(await page.locator('#smuggled-style').evaluate((el) => getComputedStyle(el).display), 'block', 'nor the style attribute');
    assert.equal(await page.locator('.clm-cell').first().evaluate((el) => getComputedStyle(el).borderLeftWidth), '5px', 'our style sheet did');
    const violations: string[] = await page.evaluate(() => window.violations);
    for (const directive of ['script-src-elem', 'style-src-elem', 'img-src']) assert.ok(violations.includes(directive), `the policy blocked ${directive}: ${violations.join(', ')}`);
  } finally {
    await page.close();
  }
});

test('a click or Enter on a cell asks the editor to reveal its statement; updates and clicks from the extension are applied', async () => {
  const { page } = await openWebview(BODY);
  try {
    await page.waitForFunction(() => window.posted.length > 0);
    const s = result.model.statements.find((x) => x.pointer === '/framework/levels/proficient/statements/4')!;
    await page.locator(`.clm-cell[data-pointer="${s.pointer}"]`).click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', pointer: s.pointer, start: s.range.start, end: s.range.end });

    const t = result.model.statements[0];
    await page.locator(`.clm-cell[data-pointer="${t.pointer}"]`).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', pointer: t.pointer, start: t.range.start, end: t.range.end });

    // A link in the findings list scrolls to its cell instead of revealing anything.
    const before = (await posted(page)).length;
    await page.locator('ol.clm-findings a').first().click();
    assert.equal((await posted(page)).length, before);

    // The extension sends a new body after an edit: it replaces the old one, and the page says what it shows.
    await page.evaluate(() => window.postMessage({ type: 'update', version: 8, body: '<main class="clm"><div class="clm-cell" data-pointer="/p" data-start="3" data-end="9">x</div></main>' }, '*'));
    await page.waitForFunction(() => window.posted.some((m: any) => m.type === 'rendered' && m.version === 8));
    assert.deepEqual((await posted(page)).at(-1), { type: 'rendered', version: 8, cells: 1 });
    await page.evaluate(() => window.postMessage({ type: 'click', pointer: '/p' }, '*'));
    await page.waitForFunction(() => window.posted.at(-1).type === 'reveal');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', pointer: '/p', start: 3, end: 9 });
  } finally {
    await page.close();
  }
});
