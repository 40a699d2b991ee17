/**
 * What the real-editor tiers (test/nvim, test/emacs) share: the bundled server built, the example
 * with a planted duplicate written into a fresh folder, and the findings the CLI reports for that
 * file, which each editor must show at the same places.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface PlantedExample {
  /** The fresh folder; the file is in its `ws` subfolder, which is also the editor's working folder. */
  dir: string;
  file: string;
  /** Zero-based lines of the first copy and of the planted one. */
  firstLine: number;
  plantedLine: number;
}

/**
 * Builds dist/cli.js, then writes the example pretty-printed, with its first Emerging statement
 * repeated at the end of Emerging, into `<fresh folder>/ws/librarians.json`; `subfolders` are made
 * beside `ws` (the editor's home and XDG folders).
 */
export function plantedExample(prefix: string, subfolders: readonly string[]): PlantedExample {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of [...subfolders, 'ws']) mkdirSync(join(dir, sub));
  const framework = JSON.parse(readFileSync(join(ROOT, 'examples', '25-4022.00.json'), 'utf8'));
  const emerging: string[] = framework.framework.levels.emerging.statements;
  emerging.push(emerging[0]);
  const text = JSON.stringify(framework, null, 2) + '\n';
  const lines = text.split('\n');
  const firstLine = lines.findIndex((l) => l.includes(JSON.stringify(emerging[0])));
  const plantedLine = lines.findIndex((l, i) => i > firstLine && l.includes(JSON.stringify(emerging[0])));
  assert.ok(firstLine > 0 && plantedLine > firstLine);
  const file = join(dir, 'ws', 'librarians.json');
  writeFileSync(file, text);
  return { dir, file, firstLine, plantedLine };
}

/** The CLI's findings for the file as `rule@line:column` (one-based), sorted. */
export function cliFindings(file: string, cwd: string): string[] {
  const run = spawnSync(process.execPath, [CLI, '--format', 'json', file], { cwd, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
  return report.flatMap((f) => f.messages).map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
}

/** A file's text, or a note that it is not there (for the message of a failed run). */
export function readMaybe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '(no output file)';
  }
}
