/**
 * The html report of a catalogue, timed as a reviewer opens it: the built CLI writes the page for
 * the 1,000 benchmark files (written by bench/corpus.ts into .cache/bench/files, as bench/run.ts
 * writes them), and the report tier's Chromium opens it from a file:// URL, a fresh tab per run.
 * Prints the page's size, and per run the time to the load event, to DOMContentLoaded and to the
 * first paint, and the main thread's CPU time (which a busy machine inflates less than the wall
 * clock). Not part of `npm run bench`: `node --import tsx bench/htmlReport.ts [runs] [cli.js]`,
 * where cli.js is another build of the CLI to compare (an older commit's dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, writeCatalogue } from './corpus';
import { launch } from '../test/report/browser';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const cli = process.argv[3] ?? join(ROOT, 'dist/cli.js');
  const cache = join(ROOT, '.cache/bench');
  mkdirSync(cache, { recursive: true });
  writeCatalogue(join(cache, 'files'), 1000);
  const page = join(cache, 'report.html');
  const written = spawnSync(process.execPath, [cli, '--no-config-lookup', '--format', 'html', '-o', page, 'files'], { cwd: cache, encoding: 'utf8' });
  if (written.status !== 0 && written.status !== 1) throw new Error(`the CLI failed (${written.status}):\n${written.stderr}`);
  console.log(`${cli}: ${(statSync(page).size / 1e6).toFixed(2)} MB`);
  const browser = await launch();
  try {
    for (let i = 0; i < runs; i++) {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Performance.enable');
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load', timeout: 120_000 });
      const timing = (await tab.evaluate(`(() => {
        const n = performance.getEntriesByType('navigation')[0];
        const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
        return { load: n.loadEventStart, dcl: n.domContentLoadedEventStart, paint: paint ? paint.startTime : NaN };
      })()`)) as { load: number; dcl: number; paint: number };
      const { metrics } = await cdp.send('Performance.getMetrics');
      const thread = metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
      const ms = (x: number) => `${Math.round(x)} ms`;
      console.log(`run ${i + 1}: load ${ms(timing.load)}, DOMContentLoaded ${ms(timing.dcl)}, first paint ${ms(timing.paint)}, main thread ${ms(thread * 1000)}`);
      await tab.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
