/**
 * The VS Code webview's page (client/src/levelMatrixPage.ts) in Chromium, with a stand-in for
 * `acquireVsCodeApi`: its policy lets only the nonce-bearing style and script act, even if markup
 * got past the server's escaping; its script reports what it rendered, turns a click on a cell (or
 * Enter or Space on its statement's button) into a reveal message with the statement's offsets, and
 * swaps in updated bodies. A screen reader and the keyboard find each cell's statement as a button
 * and its finding links as links, apart.
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

/** Runs `fn` on the webview's page of the example once the page has said it rendered, then closes it. */
async function withWebview(fn: (page: Page) => Promise<void>): Promise<void> {
  const { page } = await openWebview(BODY);
  try {
    await page.waitForFunction(() => window.posted.length > 0);
    await fn(page);
  } finally {
    await page.close();
  }
}

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

test('a click on a cell, or Enter or Space on its statement, asks the editor to reveal it; updates and clicks from the extension are applied', () =>
  withWebview(async (page) => {
    const s = result.model.statements.find((x) => x.pointer === '/framework/levels/proficient/statements/4')!;
    await page.locator(`.clm-cell[data-pointer="${s.pointer}"]`).click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', pointer: s.pointer, start: s.range.start, end: s.range.end });

    for (const [key, t] of [['Enter', result.model.statements[0]], [' ', result.model.statements[1]]] as const) {
      await page.locator(`.clm-cell[data-pointer="${t.pointer}"] .clm-reveal`).focus();
      await page.keyboard.press(key);
      assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', pointer: t.pointer, start: t.range.start, end: t.range.end }, `${JSON.stringify(key)} on the statement`);
    }

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
  }));

/** A node of Chromium's accessibility tree (what a screen reader is given), as the DevTools protocol reports it. */
interface AXNode {
  nodeId: string;
  parentId?: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
}

test('a screen reader finds the statement of each cell as a button and its finding links as links, none inside the other', () =>
  withWebview(async (page) => {
    // ARIA forbids interactive content inside a button: its children are presentational, and the
    // links of a cell that was a button were read as part of its name, not as links.
    const nested: string[] = await page.evaluate(() =>
      [...document.querySelectorAll('button, [role="button"]')]
        .filter((b: any) => b.querySelector('a[href], button, input, select, textarea, [tabindex], [role="button"], [role="link"]'))
        .map((b: any) => b.id || b.className),
    );
    assert.deepEqual(nested, [], 'no link or control inside a button');

    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const inButton = (n: AXNode) => {
      for (let p = n.parentId && byId.get(n.parentId); p; p = p.parentId && byId.get(p.parentId)) if (p.role?.value === 'button') return true;
      return false;
    };
    const links = nodes.filter((n) => !n.ignored && n.role?.value === 'link');
    const cellLinks = await page.locator('.clm-cell a[href]').count();
    assert.ok(cellLinks > 0, 'the example has flagged cells with finding links');
    assert.equal(links.length, await page.locator('a[href]').count(), 'every link of the page is a link in the tree');
    assert.deepEqual(links.filter(inButton).map((n) => n.name?.value), [], 'no link is read as part of a button');

    // One button per cell, named by the statement's text alone (not its reading or findings).
    const buttons = nodes.filter((n) => !n.ignored && n.role?.value === 'button').map((n) => n.name?.value);
    const statements: string[] = await page.evaluate(() => [...document.querySelectorAll('.clm-cell .clm-text')].map((e: any) => e.textContent));
    assert.equal(statements.length, 40);
    assert.deepEqual(buttons, statements);
  }));

test('from the keyboard a flagged cell is its statement, then its finding links: Enter follows a link, and Tab reaches them in order', () =>
  withWebview(async (page) => {
    const cell = page.locator('.clm-cell:has(.clm-msgs a)').first();
    const link = cell.locator('.clm-msgs a').first();
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    const before = (await posted(page)).length;
    await page.keyboard.press('Enter');
    assert.equal((await posted(page)).length, before, 'Enter on a finding link reveals no statement');
    // It follows the link: the finding is scrolled into view.
    const inView = await page.locator(href).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, `Enter on the link brought ${href} into view`);

    await cell.locator('.clm-reveal').focus({ timeout: 5000 });
    await page.keyboard.press('Tab');
    assert.equal(await link.evaluate((a) => a === document.activeElement), true, 'Tab goes from the statement to its first finding link');
  }));
