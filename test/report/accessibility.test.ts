/**
 * The report page checked as a reviewer with low vision, a narrow screen, 200% zoom or a printer
 * meets it (WCAG 2.1 AA): text contrast from the computed colours, no horizontal scrolling of the
 * page at 320 CSS px, nothing cut off on paper. Written by the built CLI, opened in Chromium.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLE_PATH, exampleWith } from '../helpers';
import { REPORT_FIXTURES, artifact, launch, open, writeReport } from './browser';

const PLANTED = join(REPORT_FIXTURES, 'planted.json');

/** A copy of the example with schema errors, so that the page shows all three severities. */
function withErrors(): string {
  const dir = mkdtempSync(join(tmpdir(), 'competency-lint-a11y-'));
  const file = join(dir, 'errors.json');
  writeFileSync(
    file,
    exampleWith((doc) => {
      doc.occupation.soc = '25-40';
      delete doc.occupation.title;
    }),
  );
  return file;
}

let browser: Browser;
let report: string;
before(async () => {
  browser = await launch();
  // A fourth file, so that the page also has a folded section, its summary and the shared legend's links.
  const fourth = join(mkdtempSync(join(tmpdir(), 'competency-lint-a11y-')), 'fourth.json');
  writeFileSync(fourth, exampleWith());
  report = writeReport([withErrors(), PLANTED, EXAMPLE_PATH, fourth]).file;
});
after(async () => {
  await browser?.close();
});

/**
 * Every run of text below the required contrast: 4.5:1, or 3:1 for large text and for symbols a
 * text beside them names (aria-hidden). The background is the element's and its ancestors'
 * backgrounds blended down to the first opaque one.
 */
async function lowContrast(page: Page): Promise<string[]> {
  // A string, not a function: tsx's helpers for named functions do not exist in the page.
  return page.evaluate(LOW_CONTRAST) as Promise<string[]>;
}

const LOW_CONTRAST = `(() => {
  const parse = (c) => {
    const v = (c.match(/rgba?\\(([^)]+)\\)/)?.[1] ?? '0,0,0,0').split(/[\\s,/]+/).filter(Boolean).map(Number);
    return [v[0], v[1], v[2], v[3] ?? 1];
  };
  const channel = (x) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reduceRight((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const found = new Set();
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('svg') || el.getClientRects().length === 0) continue;
    const s = getComputedStyle(el);
    const bg = background(el);
    const fg = over(parse(s.color), bg);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (parseInt(s.fontWeight, 10) >= 700 && size >= 18.66);
    const need = large || el.closest('[aria-hidden="true"]') ? 3 : 4.5;
    if (ratio < need) found.add('"' + n.textContent.trim().slice(0, 24) + '" (' + (el.className || el.tagName) + '): ' + s.color + ' on rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + '), ' + ratio.toFixed(2) + ':1 < ' + need + ':1');
  }
  return [...found];
})()`;

test('every text, severities and findings included, has WCAG AA contrast in light, dark and print', async () => {
  for (const [scheme, media] of [['light', 'screen'], ['dark', 'screen'], ['dark', 'print']] as const) {
    const { page } = await open(browser, report, scheme);
    try {
      await page.emulateMedia({ media, colorScheme: scheme });
      assert.ok((await page.locator('.clm-count.clm-sev-error:not(.clm-zero)').count()) > 0, 'the page shows errors');
      assert.ok((await page.locator('.clm-msgs a.clm-sev-warning').count()) > 0, 'and warnings in cells');
      assert.deepEqual(await lowContrast(page), [], `${scheme} ${media}`);
    } finally {
      await page.close();
    }
  }
});

/** What sticks out of the page on the right, outside the regions meant to scroll (the tables). */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const out = new Set();
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('.clm-scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) out.add(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') + ' to ' + Math.round(r.right) + ' px');
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, out: [...out].slice(0, 10) };
})()`;

test('at 320 CSS px (a phone, or 200% zoom on a narrow laptop) the page does not scroll sideways; only its tables do', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  try {
    await page.goto(pathToFileURL(report).href);
    assert.equal(await page.locator('table.clm-index tbody tr').count(), 4);
    assert.equal(await page.locator('details.clm-fold:not([open]) > summary').count(), 1, 'the fourth file is folded');
    const found = (await page.evaluate(OVERFLOW)) as { scrollWidth: number; width: number; out: string[] };
    await page.screenshot({ path: artifact('level-matrix-320.png') });
    assert.deepEqual(found.out, []);
    assert.ok(found.scrollWidth <= found.width, `the page is ${found.scrollWidth} px wide in a ${found.width} px window`);
  } finally {
    await page.close();
  }
});

/** What would be cut off on paper: anything, scrolling regions included, beyond the page's edges. */
const OFF_PAPER = `(() => {
  const width = document.documentElement.clientWidth;
  const out = new Set();
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) out.add(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') + ' ' + Math.round(r.left) + '–' + Math.round(r.right) + ' px');
  }
  return [...out].slice(0, 10);
})()`;

test('printed on A4 with the browser\'s margins, no table is cut at the edge of the paper', async () => {
  // A4 is 210 mm wide; less the browser's default margins of about 1 cm a side, 190 mm is 718 CSS px.
  const page = await browser.newPage({ viewport: { width: 718, height: 1000 } });
  try {
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await page.evaluate(OFF_PAPER), []);
    await page.pdf({ path: artifact('level-matrix-a4.pdf'), format: 'A4', margin: { left: '1cm', right: '1cm', top: '1cm', bottom: '1cm' } });
  } finally {
    await page.close();
  }
});

test('at 320 CSS px the level matrix\'s caption is read without scrolling the table sideways', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  try {
    await page.goto(pathToFileURL(report).href);
    const edges = (await page.evaluate(`[...document.querySelectorAll('table.clm-matrix caption')].map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      const text = range.getBoundingClientRect();
      const shown = c.closest('.clm-scroll').getBoundingClientRect();
      return [Math.round(text.left - shown.left), Math.round(text.right)];
    })`)) as [number, number][];
    assert.ok(edges.length > 0);
    for (const [left, right] of edges) {
      assert.ok(left >= 0, `the caption's text starts ${-left} px left of the table's scrolling region, cut off`);
      assert.ok(right <= 320, `the caption's text ends at ${right} px`);
    }
  } finally {
    await page.close();
  }
});
