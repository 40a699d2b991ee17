/**
 * O*NET's task statements, read from the file the project ships (data/reference/, O*NET 29.3,
 * gzipped TSV with its licence note beside it) the first time the language server completes a new
 * statement, then kept: 18,800 tasks, about 3 MB in memory. The file sits beside the bundles' folder
 * in the .vsix, the npm package (whose `competency-lint --stdio` is Neovim's and Emacs's server) and
 * the repository (dist/../data/reference), and three folders up from this source file when the
 * tests run it through tsx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { OnetTask, TaskLookup } from '../core/features/tasks';

const FILE = 'data/reference/onet_29.3_task_statements.tsv.gz';
const CANDIDATES = [join(__dirname, '..', FILE), join(__dirname, '..', '..', '..', FILE)];

let byCode: Map<string, OnetTask[]> | undefined;

/** The look-up the completion uses: tasks by O*NET-SOC code, empty when the file cannot be read. */
export const onetTasks: TaskLookup = (soc) => {
  byCode ??= load();
  return byCode.get(soc) ?? [];
};

function load(): Map<string, OnetTask[]> {
  const file = CANDIDATES.find((f) => existsSync(f));
  // Without the file (a build that left it out) completion offers the rest, and nothing fails.
  if (!file) return new Map();
  try {
    return parseTasks(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch {
    return new Map();
  }
}

/** O*NET's "Task Statements" TSV: code, title, task id, task, task type, and columns not read here. */
export function parseTasks(tsv: string): Map<string, OnetTask[]> {
  const out = new Map<string, OnetTask[]>();
  const lines = tsv.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const [code, , id, text, type] = lines[i].split('\t');
    if (!code || !text) continue;
    let list = out.get(code);
    if (!list) out.set(code, (list = []));
    list.push({ id: Number(id), text: text.trim(), core: type === 'Core' });
  }
  return out;
}
