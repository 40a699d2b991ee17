/**
 * O*NET's task statements for the document's occupation, offered as new statements. An author
 * writing a librarian's framework gets "check books in and out of the library" and the other tasks
 * O*NET lists for 25-4022.00, as the start of a statement to give a topic and a scope; tasks that a
 * statement of the document already covers are left out, core tasks come first.
 *
 * The tasks (18,800 of them, 3.4 MB) are not bundled into the core: the language server reads them
 * from disk on first use and hands the core a look-up (node/onetTasks.ts), so the CLI, which never
 * completes, does not load them at every start.
 */
import type { AnalysisResult } from '../service';
import type { Statement } from '../model/types';
import { contentStems, tokenise, type Token } from '../analysis/scope/tokens';
import { wellFormedSoc } from '../rules/util';
import { profileText } from '../analysis/scope/profile';
import { readsAsEnglish } from '../analysis/scope/language';

export interface OnetTask {
  /** O*NET's task id. */
  id: number;
  text: string;
  /** O*NET's "Core" task type (rated relevant and important by most incumbents), else supplemental. */
  core: boolean;
}

/** The tasks O*NET lists for an O*NET-SOC code (empty when it lists none). */
export type TaskLookup = (soc: string) => readonly OnetTask[];

export const ONET_TASKS_ATTRIBUTION =
  'From the O\\*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.';

/** At most this many tasks are offered, so that the level's own openers still show. */
const MAX_TASKS = 30;

/**
 * A task counts as covered when half its content words are in one statement: the example's
 * "review faculty recommendations, usage data, and current holdings to recommend print ..." covers
 * O*NET's "Review and evaluate materials, using book reviews, ..." with 9 of its 16.
 */
const COVERED_SHARE = 0.5;

/**
 * The occupation's tasks that no statement of the document covers yet, unless most of its
 * statements are in another language than English (language.ts): core ones first, and among
 * them those whose wording reads nearest the level (`target`, 0 supervised to 1 strategic, as the
 * scope lexicon places it), so that "supervise daily library operations" is not the first thing
 * offered for an entry level. A task with no scope wording counts as the middle of the scale.
 * `typing` is the statement the cursor is in, whose words do not count as covering anything.
 */
export function uncoveredTasks(result: AnalysisResult, tasks: TaskLookup, target = 0.5, typing?: Statement): OnetTask[] {
  // Above maxFileSize, as the topics of threads are: telling the covered tasks apart tokenises every
  // statement at each completion, 0.35 s for a 3 MB document, which typing into it would wait for.
  if (result.limited) return [];
  const soc = wellFormedSoc(result.model.occupation);
  if (soc === undefined) return [];
  const list = tasks(soc);
  if (list.length === 0) return [];
  const tokens = result.model.statements.map((s) => tokenise(s.text));
  // O*NET's tasks are English: a framework written in French or German would get 30 of them to translate.
  const worded = tokens.filter((t) => t.length > 0);
  if (worded.filter((t) => !readsAsEnglish(t)).length * 2 > worded.length) return [];
  // The statement being typed covers nothing yet: half a task typed into it is that task, still wanted.
  const statements = tokens.filter((_, i) => result.model.statements[i] !== typing).map((t) => new Set(contentStems(t)));
  // Each task is tokenised once, for the covering test and for its scope reading.
  const covered = (tokens: Token[]) => {
    const words = [...new Set(contentStems(tokens))];
    if (words.length === 0) return false;
    return statements.some((s) => words.filter((w) => s.has(w)).length >= COVERED_SHARE * words.length);
  };
  const distance = (t: OnetTask, tokens: Token[]) => Math.abs((profileText(t.text, undefined, tokens).position ?? 0.5) - target);
  return list
    .map((t) => ({ t, tokens: tokenise(t.text) }))
    .filter((x) => !covered(x.tokens))
    .map((x) => ({ t: x.t, d: distance(x.t, x.tokens) }))
    // Array.prototype.sort is stable: equally near tasks keep O*NET's order.
    .sort((a, b) => Number(b.t.core) - Number(a.t.core) || a.d - b.d)
    .slice(0, MAX_TASKS)
    .map((x) => x.t);
}

/** The task as the body of a statement: its first word in lower case, unless it is an acronym. */
export function taskAsBody(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
