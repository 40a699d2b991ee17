/**
 * The baseline: the findings a catalogue already had when CI started to lint it, recorded so that
 * a run reports only the findings that are new. Adopting a linter on 900 published frameworks with
 * 3,000 findings otherwise means fixing them all before the first green build, or turning rules off.
 *
 * A finding is recorded by its file, its rule and where it is: for a finding on a statement, its
 * level's key and its text ("developing: Circulation — ..."), its JSON pointer otherwise. Text rather
 * than a pointer, because statements move within a level (removing one renumbers the rest) while a
 * recorded statement whose wording is edited, or that is moved to another level, has been touched,
 * and should be checked again: a scope finding at its new level is news, as suppressions by text,
 * which name the level too, also judge. Texts are compared as suppressions by text compare
 * them (as duplicate-exact does: case, spacing, punctuation and a leading list marker aside), so a
 * `--fix` of the dash or the final period keeps a statement known. Findings are counted, not listed, so two copies of
 * one statement with the same finding are two entries of one key. The file is plain JSON, sorted,
 * so that a change to it reads well in a review.
 */
import { parseTree, type ParseError } from 'jsonc-parser';
import { MAX_NESTING_DEPTH, scanStrictness, syntaxErrorPhrase } from './parse/parse';
import type { FrameworkModel } from './model/types';
import { exactKey } from './analysis/duplicates/normalise';
import type { Finding } from './types';

/** Per file (a path relative to the baseline's folder, with "/"), per rule, per place: how many findings. */
export type BaselineFiles = Record<string, Record<string, Record<string, number>>>;

export interface Baseline {
  files: BaselineFiles;
}

/** The key the file format is recognised by, with its version. */
export const BASELINE_FORMAT = 'competency-lint-baseline';
const VERSION = 1;

/**
 * A record without a prototype: its keys are file paths, rule ids and statement texts from the
 * workspace, and a statement may read "constructor" or "__proto__".
 */
function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Where a finding is, as the baseline records it: the statement's level key and text, else the pointer. */
export function placeKeys(model: FrameworkModel): (f: Finding) => string {
  const texts = new Map<string, string>();
  for (const s of model.statements) texts.set(s.pointer, `${s.levelKey}${LEVEL_SEPARATOR}${s.text}`);
  return (f) => texts.get(f.pointer) ?? f.pointer;
}

/** One file's findings as baseline entries: per rule, per place, how many. */
export function entriesOf(findings: readonly Finding[], model: FrameworkModel): Record<string, Record<string, number>> {
  const keyOf = placeKeys(model);
  const out = dict<Record<string, number>>();
  for (const f of findings) {
    const rule = (out[f.ruleId] ??= dict<number>());
    const key = keyOf(f);
    rule[key] = (rule[key] ?? 0) + 1;
  }
  return out;
}

/**
 * Splits one file's findings into the new ones and those the baseline knows. Each entry is used up
 * by as many findings as it counts, so a third copy of a statement recorded twice is new. `unused`
 * is how many recorded findings no longer occur: the baseline can shrink.
 */
export function withoutKnown(findings: readonly Finding[], model: FrameworkModel, recorded: Record<string, Record<string, number>> | undefined): { kept: Finding[]; known: number; unused: number } {
  if (!recorded) return { kept: [...findings], known: 0, unused: 0 };
  const keyOf = placeKeys(model);
  const left = new Map<string, number>();
  for (const [rule, places] of Object.entries(recorded)) {
    for (const [place, n] of Object.entries(places)) {
      const k = `${rule}\u0000${matchKey(place)}`;
      left.set(k, (left.get(k) ?? 0) + n);
    }
  }
  const kept: Finding[] = [];
  let known = 0;
  for (const f of findings) {
    const k = `${f.ruleId}\u0000${matchKey(keyOf(f))}`;
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      known++;
    } else kept.push(f);
  }
  let unused = 0;
  for (const n of left.values()) unused += n;
  return { kept, known, unused };
}

/** Between a statement's level key and its text in a recorded place. */
const LEVEL_SEPARATOR = ': ';

/**
 * How a recorded place is compared: a JSON pointer ("" or starting with "/") as it is, a statement's
 * level key as it is and its text by its duplicate key. Applied alike to both sides, so wherever
 * the first ": " falls (a level key may hold one), a place is still compared with itself.
 */
function matchKey(place: string): string {
  if (place === '' || place.startsWith('/')) return place;
  const at = place.indexOf(LEVEL_SEPARATOR);
  return at < 0 ? exactKey(place) : `${place.slice(0, at)}\u0000${exactKey(place.slice(at + LEVEL_SEPARATOR.length))}`;
}

/** The baseline as its file holds it: sorted by file, rule and place, two-space indented. */
export function serialiseBaseline(baseline: Baseline): string {
  const sorted = <T>(o: Record<string, T>, map: (v: T) => unknown) => {
    const out = dict<unknown>();
    for (const k of Object.keys(o).sort()) out[k] = map(o[k]);
    return out;
  };
  const files = sorted(baseline.files, (rules) => sorted(rules, (places) => sorted(places, (n) => n)));
  return JSON.stringify({ [BASELINE_FORMAT]: VERSION, files }, null, 2) + '\n';
}

export class BaselineError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

/**
 * Reads a baseline file's text; anything else than what serialiseBaseline writes is a BaselineError
 * at its place. A byte order mark counts as a space (an editor on Windows may add one when the file
 * is edited, in a merge say), so that offsets stay those of the text. The baseline comes with the
 * repository, as a config does, so a hostile one is refused before jsonc-parser's recursion meets
 * its depth, which would have stopped the run with an internal error.
 */
export function parseBaseline(input: string): Baseline {
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  const deep = scanStrictness(text, []);
  if (deep !== undefined) throw new BaselineError(`not a baseline: it nests deeper than ${MAX_NESTING_DEPTH} levels, where a baseline is four levels deep`, deep);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) throw new BaselineError(`not JSON: ${syntaxErrorPhrase(errors[0].error)}`, errors[0].offset);
  if (!root || root.type !== 'object') throw new BaselineError('a baseline is a JSON object, as --update-baseline writes it', root?.offset ?? 0);
  const member = (node: typeof root, key: string) => node.children?.find((p) => p.children?.[0].value === key)?.children?.[1];
  const version = member(root, BASELINE_FORMAT);
  if (!version) throw new BaselineError(`not a competency-lint baseline: it has no "${BASELINE_FORMAT}" member (--update-baseline writes one)`, root.offset);
  if (version.value !== VERSION) throw new BaselineError(`baseline format ${JSON.stringify(version.value)} is not known to this version, which reads format ${VERSION}`, version.offset);
  const files = member(root, 'files');
  if (!files || files.type !== 'object') throw new BaselineError('"files" must be an object of file paths', files?.offset ?? root.offset);
  const out: BaselineFiles = dict();
  for (const fileProp of files.children ?? []) {
    const [fileKey, rules] = fileProp.children!;
    if (rules?.type !== 'object') throw new BaselineError(`the entry of "${fileKey.value}" must be an object of rule ids`, (rules ?? fileKey).offset);
    const byRule: Record<string, Record<string, number>> = (out[fileKey.value] = dict());
    for (const ruleProp of rules.children ?? []) {
      const [ruleKey, places] = ruleProp.children!;
      if (places?.type !== 'object') throw new BaselineError(`the entry of rule "${ruleKey.value}" must be an object of places and counts`, (places ?? ruleKey).offset);
      const byPlace: Record<string, number> = (byRule[ruleKey.value] = dict());
      for (const placeProp of places.children ?? []) {
        const [placeKey, count] = placeProp.children!;
        if (count?.type !== 'number' || !Number.isInteger(count.value) || count.value < 1) throw new BaselineError('a count must be a whole number, 1 or more', (count ?? placeKey).offset);
        byPlace[placeKey.value] = count.value;
      }
    }
  }
  return { files: out };
}
