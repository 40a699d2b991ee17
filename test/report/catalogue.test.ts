/**
 * The page of a catalogue, as a reviewer checking one before publication meets it: every file's
 * title and totals at a glance, the sections past the first few folded under a summary that counts
 * their findings, one legend for the page, and everything on paper. The files are the benchmark's
 * own (bench/corpus.ts), generated into a temporary folder; the page is written by the built CLI
 * and opened in Chromium.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { writeCatalogue } from '../../bench/corpus';
import { ROOT } from '../helpers';
import { cli } from '../cli/helpers';
import { launch, open, writeReport } from './browser';

// The callbacks given to page.evaluate run in the browser; these names exist there, not in Node's types.
declare const document: any;

const FILES = 20;

let browser: Browser;
let catalogue: string;
before(async () => {
  browser = await launch();
  catalogue = mkdtempSync(join(tmpdir(), 'competency-lint-catalogue-'));
  writeCatalogue(catalogue, FILES);
});
after(async () => {
  await browser?.close();
});

interface FileCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

function counts(): FileCounts[] {
  return JSON.parse(cli(['--no-config-lookup', '--format', 'json', catalogue], { cwd: ROOT }).stdout);
}

/** Whether the element is drawn for the reader (false inside a folded section, which the browser skips). */
function shown(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el: any) => el.checkVisibility());
}

test('past the third file, a section is folded under a summary that counts its findings; the keyboard or a link into it opens it; paper shows it all', async () => {
  const { file, run } = writeReport([catalogue]);
  assert.equal(run.status, 0, run.stderr);
  const files = counts();
  assert.equal(files.length, FILES);
  const { page } = await open(browser, file);
  try {
    const sections = await page.$$eval('section.clm-file', (all) =>
      all.map((s) => ({ id: s.id, summary: s.querySelector(':scope > details.clm-fold:not([open]) > summary')?.textContent ?? null })),
    );
    assert.equal(sections.length, FILES);
    sections.forEach((s, i) => {
      if (i < 3) {
        assert.equal(s.summary, null, `the first files are open: ${s.id}`);
        return;
      }
      const findings = files[i].errorCount + files[i].warningCount + files[i].infoCount;
      assert.equal(s.summary, `Level matrix and ${findings} finding${findings === 1 ? '' : 's'}`, `${s.id} is folded, its summary counting its findings`);
    });
    // Each section's header, with its totals, is in view above its summary, folded or not.
    assert.equal(await shown(page, '#f19 > header .clm-totals'), true);
    assert.equal(await shown(page, '#f2 table.clm-matrix'), true, 'an open section shows its matrix');
    assert.equal(await shown(page, '#f19 table.clm-matrix'), false, 'a folded one does not');

    // A keyboard user opens a folded section from its summary.
    await page.locator('#f19 summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await shown(page, '#f19 table.clm-matrix'), true, 'Enter opens it');
    await page.keyboard.press('Enter');
    assert.equal(await shown(page, '#f19 table.clm-matrix'), false, 'and folds it again');

    // An address into a folded section (a colleague's link to a cell) opens it at the cell.
    await page.goto(`${pathToFileURL(file).href}#f18-s0`);
    assert.equal(await shown(page, '#f18-s0'), true, 'the linked cell is shown');

    // On paper nothing is folded: every section prints its chart, matrix and findings.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval('section.clm-file', (all) =>
      all.map((s) => ['svg.clm-chart', 'table.clm-matrix', 'ol.clm-findings'].every((sel) => (s.querySelector(sel) as any)?.checkVisibility() === true)),
    );
    assert.deepEqual(printed, sections.map(() => true));
    assert.equal(await page.locator('summary').first().evaluate((el: any) => el.checkVisibility()), false, 'and the summaries, which open nothing on paper, are not printed');
  } finally {
    await page.close();
  }
});

test('a catalogue\'s page has one legend, which every section links to', async () => {
  const { file } = writeReport([catalogue]);
  const { page } = await open(browser, file);
  try {
    assert.equal(await page.locator('ul.clm-legend').count(), 1);
    assert.equal(await page.locator('section.clm-file ul.clm-legend').count(), 0, 'no section repeats it');
    const links = await page.$$eval('section.clm-file', (all) => all.map((s) => s.querySelector('a[href="#clm-legend"]') !== null));
    assert.deepEqual(links, links.map(() => true));
    await page.locator('#f19 summary').click();
    await page.locator('#f19 a[href="#clm-legend"]').click();
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'clm-legend');
    assert.equal(await shown(page, '#clm-legend'), true);
  } finally {
    await page.close();
  }
});

test('a catalogue\'s page takes at most 32 KB a file, half of what it took when every section repeated its legend, styles and messages', () => {
  // 1,000 of these files made a page of 63.6 MB, 20 s to load in this browser; see bench/NOTES.md.
  const { file } = writeReport([catalogue]);
  const perFile = statSync(file).size / FILES;
  assert.ok(perFile <= 32 * 1024, `${Math.round(perFile / 1024)} KB a file`);
});
