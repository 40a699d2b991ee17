/**
 * The scope lexicon: phrases that say where a statement sits on the axes of scope, matched in one
 * left-to-right pass over the statement's tokens through a trie keyed by token. The phrases are data
 * (`core/data/scope-lexicon.json`, extendable from the config's `lexicon.phrases`); this file only
 * compiles and matches them.
 *
 * Matching is greedy longest-match, so "without supervision" is read as independence before
 * "supervision" can be read as supervised, and "under the mentorship of" before "mentor". A phrase is
 * also skipped when a negator stands right before it ("not", "no", "without"). A hyphenated compound
 * is one word: a phrase matches it only whole ("non-routine", "decision-making") or by a listed
 * ending ("-wide"), never by one of its parts ("routine" in "non-routine", the verb "check" in
 * "check-out"), because a compound's parts do not keep their own meaning or part of speech.
 */
import type { LexiconExtension } from '../../config/types';
import LEXICON_DATA from '../../data/scope-lexicon.json';
import { makeEvidence, type ScopeAxis, type ScopeEvidence } from './types';
import { tokenise, type Token } from './tokens';
import { ByWord, NO_WORD } from '../words';

export type { LexiconExtension };

export interface LexiconEntry {
  phrase: string;
  axis: ScopeAxis;
  position: number;
  weight: number;
  reading: string;
  /** For verb-axis phrases: counts wherever it stands, not only as a leading verb. */
  anywhere?: boolean;
  /** A word naming what the work acts on, which counts fully only after a directing verb (types.ts). */
  object?: boolean;
  source?: string;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entries: LexiconEntry[];
}

export interface CompiledLexicon {
  root: TrieNode;
  /**
   * The root's child for each interned word (words.ts), null where the word starts no phrase, filled
   * as words are met: most tokens start no phrase, and an array read answers them where a look-up
   * in the root's map by the token's text cost a hash and a string comparison each.
   */
  rootByWord: ByWord<TrieNode | null>;
  /** Entries for hyphenated compound endings such as "-wide", keyed by the ending token. */
  suffixes: Map<string, LexiconEntry[]>;
  /** The "-s" forms ("checks", "identifies") the verb entries' inflections made: see scopeEvidence. */
  sForms: Set<string>;
  size: number;
}

const AXES: ReadonlySet<string> = new Set(['autonomy', 'breadth', 'complexity', 'role', 'verb', 'horizon']);
const NEGATORS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'non', 'nor', 'neither', 'lack', 'lacking']);
/** Words that may stand between a negator and the phrase it negates ("without any supervision"). */
const NEGATION_FILLER: ReadonlySet<string> = new Set(['any', 'the', 'a', 'much', 'direct', 'close']);
/** Words that open a statement before its leading verb ("be able to", "you can"). */
const LEAD_IN: ReadonlySet<string> = new Set(['you', 'can', 'be', 'able', 'to', 'will', 'should', 'must', 'also', 'and', 'effectively', 'confidently', 'consistently', 'successfully', 'actively']);
const IRREGULAR: Record<string, string[]> = {
  lead: ['led'], teach: ['taught'], build: ['built'], find: ['found'], run: ['ran'], write: ['wrote', 'written'],
  take: ['took', 'taken'], understand: ['understood'], choose: ['chose', 'chosen'], drive: ['drove', 'driven'],
  know: ['knew', 'known'], show: ['shown'], give: ['gave', 'given'], forge: [], set: [],
};

/** The regular (and a few irregular) inflections of a verb or noun, for phrase tokens marked with "~". */
function inflections(word: string): string[] {
  const forms = new Set<string>([word, word + 's', word + 'es', word + 'ed', word + 'ing']);
  if (word.endsWith('e')) {
    forms.add(word + 'd');
    forms.add(word.slice(0, -1) + 'ing');
  }
  if (/[^aeiou]y$/.test(word)) {
    forms.add(word.slice(0, -1) + 'ies');
    forms.add(word.slice(0, -1) + 'ied');
  }
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word)) {
    const last = word[word.length - 1];
    forms.add(word + last + 'ing');
    forms.add(word + last + 'ed');
  }
  for (const f of IRREGULAR[word] ?? []) forms.add(f);
  return [...forms];
}

/** The token sequences a phrase stands for: alternatives and inflections multiplied out. */
function expandPhrase(phrase: string): string[][] {
  const parts = phrase
    .trim()
    .split(/\s+/)
    .filter((p) => p.length > 0);
  let sequences: string[][] = [[]];
  for (const part of parts) {
    const alternatives = part.split('|').flatMap((alt) => {
      const inflect = alt.endsWith('~');
      const base = inflect ? alt.slice(0, -1) : alt;
      // A part may itself hold a hyphen ("non-routine"): it becomes several tokens.
      const tokens = tokenise(base).map((t) => t.norm);
      if (tokens.length === 0) return [];
      if (!inflect) return [tokens];
      const last = tokens[tokens.length - 1];
      return inflections(last).map((form) => [...tokens.slice(0, -1), form]);
    });
    if (alternatives.length === 0) continue;
    const next: string[][] = [];
    for (const seq of sequences) for (const alt of alternatives) next.push([...seq, ...alt]);
    sequences = next;
  }
  return sequences.filter((s) => s.length > 0);
}

function newNode(): TrieNode {
  return { children: new Map(), entries: [] };
}

export function compileLexicon(entries: LexiconEntry[]): CompiledLexicon {
  const root = newNode();
  const suffixes = new Map<string, LexiconEntry[]>();
  const sForms = new Set<string>();
  let size = 0;
  for (const entry of entries) {
    if (entry.axis === 'verb') for (const form of sFormsOf(entry.phrase)) sForms.add(form);
    if (entry.phrase.startsWith('-')) {
      const ending = tokenise(entry.phrase.slice(1))[0]?.norm;
      if (!ending) continue;
      const list = suffixes.get(ending) ?? [];
      list.push(entry);
      suffixes.set(ending, list);
      size++;
      continue;
    }
    for (const seq of expandPhrase(entry.phrase)) {
      let node = root;
      for (const token of seq) {
        let child = node.children.get(token);
        if (!child) {
          child = newNode();
          node.children.set(token, child);
        }
        node = child;
      }
      // The same phrase on the same axis twice (base data and config) keeps the later reading.
      const same = node.entries.findIndex((e) => e.axis === entry.axis);
      if (same >= 0) node.entries[same] = entry;
      else node.entries.push(entry);
      size++;
    }
  }
  return { root, rootByWord: new ByWord<TrieNode | null>(), suffixes, sForms, size };
}

/** The "-s" forms of a phrase's inflected words ("check~" gives "checks", "identify~" "identifies"). */
function sFormsOf(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.split(/\s+/)) {
    for (const alt of part.split('|')) {
      if (!alt.endsWith('~')) continue;
      const word = alt.slice(0, -1).toLowerCase();
      out.push(word + 's', word + 'es');
      if (/[^aeiou]y$/.test(word)) out.push(word.slice(0, -1) + 'ies');
    }
  }
  return out;
}

/** The trie node a phrase starting with token `t` goes on from, if any phrase starts with it. */
function rootChild(lexicon: CompiledLexicon, t: Token): TrieNode | undefined {
  if (t.word === NO_WORD) return lexicon.root.children.get(t.norm);
  let child = lexicon.rootByWord.get(t.word);
  // A token's norm is a function of its word id (tokens.ts), so the answer holds for every token of that id.
  if (child === undefined) child = lexicon.rootByWord.set(t.word, lexicon.root.children.get(t.norm) ?? null);
  return child ?? undefined;
}

function clamp01(n: number): number {
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

/** The built-in entries, as shipped in the data file. */
export const BUILTIN_ENTRIES: readonly LexiconEntry[] = (LEXICON_DATA as { entries: LexiconEntry[] }).entries;

/** Config phrases become entries: `level` is the position on the 0..1 scale (see docs/scope-model.md). */
export function extensionEntries(extra: LexiconExtension | undefined): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const p of extra?.phrases ?? []) {
    const q = p;
    if (typeof q.phrase !== 'string' || !AXES.has(q.axis) || typeof q.level !== 'number' || !Number.isFinite(q.level)) continue;
    out.push({
      phrase: q.phrase.toLowerCase(),
      axis: q.axis as ScopeAxis,
      position: clamp01(q.level),
      weight: typeof q.weight === 'number' && q.weight > 0 ? q.weight : 2,
      reading: typeof q.reading === 'string' && q.reading ? q.reading : `configured (${q.phrase})`,
      anywhere: true,
      source: 'configuration',
    });
  }
  return out;
}

let builtin: CompiledLexicon | undefined;
/**
 * Compiled extensions by their content: every file resolves its config into a new object, but a
 * workspace has few distinct lexicons. Bounded, so a long editing session cannot grow it for ever.
 */
const extended = new Map<string, CompiledLexicon>();
const MAX_EXTENDED = 16;

/** The extensions alone, for statements not in English (see language.ts); keyed as `extended`. */
const extensionsOnly = new Map<string, CompiledLexicon>();
let empty: CompiledLexicon | undefined;

/**
 * The compiled lexicon for a configuration, built once per extension object. Without `builtins`
 * it holds the configured phrases alone: the built-in ones are English, and a statement in another
 * language is read only by the phrases its project wrote.
 */
export function lexiconFor(extra?: LexiconExtension, builtins = true): CompiledLexicon {
  if (!extra || !extra.phrases || extra.phrases.length === 0) {
    if (!builtins) return (empty ??= compileLexicon([]));
    builtin ??= compileLexicon([...BUILTIN_ENTRIES]);
    return builtin;
  }
  const key = JSON.stringify(extra.phrases);
  const cache = builtins ? extended : extensionsOnly;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileLexicon(builtins ? [...BUILTIN_ENTRIES, ...extensionEntries(extra)] : extensionEntries(extra));
    if (cache.size >= MAX_EXTENDED) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}

const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or', 'then']);

/**
 * The role position from which a role phrase names other people the holder acts for (shares
 * knowledge with, guides, trains, leads), and below which a breadth phrase is the holder's own
 * tasks: after such a role phrase, "their work" is those people's work.
 */
const OTHERS = 0.5;

/** What a token that starts no phrase matches: one shared list, not a new empty one per token. */
const NO_ENTRIES: readonly LexiconEntry[] = [];

function isNegated(tokens: Token[], i: number): boolean {
  let j = i - 1;
  if (j >= 0 && NEGATION_FILLER.has(tokens[j].norm) && j - 1 >= 0 && NEGATORS.has(tokens[j - 1].norm)) return true;
  return j >= 0 && NEGATORS.has(tokens[j].norm) && !tokens[i].afterPunctuation;
}

/** The index of the statement's first token after its lead-in ("be able to", "you can"): where its leading verb stands. */
export function leadStart(tokens: readonly Token[]): number {
  let lead = 0;
  while (lead < tokens.length && LEAD_IN.has(tokens[lead].norm)) lead++;
  return lead;
}

/**
 * Every lexicon phrase found in `text`, in text order, with offsets into `text`. Verb-axis phrases
 * count as the statement's leading verbs (the first verb, and verbs coordinated with it: "design,
 * teach, and assess"); a verb later in the statement counts at half weight after "and"/a comma, and
 * not at all elsewhere, because only then is it likely a verb and not a noun ("a review of").
 * Without `builtins`, only the configured phrases are looked for (a statement not in English).
 */
export function scopeEvidence(text: string, extra?: LexiconExtension, tokenised?: Token[], builtins = true): ScopeEvidence[] {
  const lexicon = lexiconFor(extra, builtins);
  // Callers that also need the tokens (for content similarity) tokenise once and pass them in.
  const tokens = tokenised ?? tokenise(text);
  const found: ScopeEvidence[] = [];
  const lead = leadStart(tokens);
  // `chainFrom` is the token index where the next coordinated leading verb may start.
  let chainFrom = lead;
  // Set once a role phrase has named other people the work is for ("help teams", "lead others").
  let othersNamed = false;
  // Whether the statement's first leading verb is in its "-s" form ("designs") or not ("design"),
  // once it has been read. A verb coordinated with it agrees with it; a word that matches a verb
  // only in the other form is a noun ("put reusable processes and checks in place").
  let sForm: boolean | undefined;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    // A hyphenated compound ending such as "library-wide" reads as the whole compound.
    if (t.hyphenated && lexicon.suffixes.has(t.norm)) {
      const prev = tokens[i - 1];
      for (const e of lexicon.suffixes.get(t.norm)!) {
        found.push(makeEvidence({ axis: e.axis, position: e.position, reading: e.reading }, text.slice(prev.start, t.end), prev.start, t.end, e.weight));
      }
      i++;
      continue;
    }
    let node: TrieNode | undefined = rootChild(lexicon, t);
    let bestEnd = -1;
    let bestEntries: readonly LexiconEntry[] = NO_ENTRIES;
    let j = i;
    while (node) {
      // A phrase ends only where a word ends: not on the head of a compound ("check" of "check-out",
      // "follow" of "follow-up", "industry" of "industry-recognised"), whose meaning is the compound's.
      if (node.entries.length > 0 && !(j + 1 < tokens.length && tokens[j + 1].hyphenated)) {
        bestEnd = j;
        bestEntries = node.entries;
      }
      j++;
      if (j >= tokens.length) break;
      node = node.children.get(tokens[j].norm);
    }
    // Nor does one start inside a compound: the tail ("routine" of "non-routine") is not the word on its own.
    if (bestEnd < 0 || t.hyphenated || isNegated(tokens, i)) {
      i++;
      continue;
    }
    const start = t.start;
    const end = tokens[bestEnd].end;
    const isChain = i === chainFrom;
    let chained = false;
    for (const e of bestEntries) {
      // "help teams align their work": "their" refers to the people just named, so the phrase is
      // not the holder's own tasks.
      if (othersNamed && t.norm === 'their' && e.axis === 'breadth' && e.position < OTHERS) continue;
      if (e.axis === 'role' && e.position >= OTHERS) othersNamed = true;
      let weight = e.weight;
      const leading = e.axis === 'verb' && !e.anywhere;
      if (leading) {
        const inSForm = lexicon.sForms.has(t.norm);
        if (sForm === undefined && i === lead) sForm = inSForm;
        else if (sForm === false && inSForm) continue;
        if (isChain) chained = true;
        else if (i > 0 && (CONJUNCTIONS.has(tokens[i - 1].norm) || t.afterPunctuation)) weight = e.weight * 0.5;
        else continue;
      }
      found.push(makeEvidence({ axis: e.axis, position: e.position, reading: e.reading, leading, object: e.object }, text.slice(start, end), start, end, weight));
    }
    i = bestEnd + 1;
    if (chained) {
      // "design, teach, and assess": a comma or conjunction after a leading verb keeps the chain open.
      let k = i;
      while (k < tokens.length && CONJUNCTIONS.has(tokens[k].norm)) k++;
      if (k < tokens.length && (k > i || tokens[k].afterPunctuation)) chainFrom = k;
    }
  }
  return found;
}
