/**
 * Completions that know the domain: property names and values from the schema, the levels a
 * document's vocabulary still lacks, O*NET-SOC codes by code or title word (filling title, group and
 * job zone to match), job zones and NAICS sectors by name, and, inside a level's statements, the
 * topics of threads this level lacks and openers typical of the level. Plain data out; the language
 * server turns it into LSP items.
 */
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/types';
import { REFERENCE, ONET_ATTRIBUTION, type OnetOccupation } from '../data/reference';
import { BUILTIN_ENTRIES, type LexiconEntry } from '../analysis/scope/lexicon';
import { KNOWN_VOCABULARIES, matchVocabulary, normaliseLevelName } from '../model/vocabularies';
import type { AnalysisResult } from '../service';
import type { Range, TextEdit } from '../types';
import { deref, schemaAt, schemaDocs, schemaTypes, suggestedValues, type SchemaNode } from './schemaInfo';
import { levelAt, levelName, stringValue } from './locate';
import { scopeOf } from './reading';

export type CompletionKind = 'property' | 'value' | 'level' | 'occupation' | 'jobZone' | 'sector' | 'topic' | 'opener';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `range`; a snippet (`$1`, `${1:x}`) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  range: Range;
  /** Edits elsewhere in the document that keep it consistent with this choice. */
  additionalEdits?: TextEdit[];
  filterText?: string;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** True when the list was capped: typing more narrows it and asks again. */
  isIncomplete: boolean;
}

export interface CompletionOptions {
  config?: ResolvedConfig;
  /** The most items returned; a longer list is cut and marked incomplete. */
  limit?: number;
}

const DEFAULT_LIMIT = 100;
const SOC_LIMIT = 50;

export function complete(result: AnalysisResult, offset: number, options: CompletionOptions = {}): CompletionResult {
  const text = result.doc.text;
  if (offset < 0 || offset > text.length) return { items: [], isIncomplete: false };
  const config = options.config ?? EMPTY_CONFIG;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const loc = getLocation(text, offset);
  const place = replacePlace(text, offset, loc.previousNode);
  const path = loc.path;
  let out: CompletionResult;
  if (loc.isAtPropertyKey) {
    out = { items: propertyItems(result, path.slice(0, -1), place, config), isIncomplete: false };
  } else {
    out = valueItems(result, path, place, offset, config);
  }
  if (out.items.length > limit) return { items: out.items.slice(0, limit), isIncomplete: true };
  return out;
}

/** What the completion replaces: the literal under the cursor, or the word being typed. */
interface Place {
  range: Range;
  /** The text typed so far, without quotes. */
  prefix: string;
  /** True when the cursor is inside a string literal. */
  inString: boolean;
  node?: Node;
}

function replacePlace(text: string, offset: number, node: Node | undefined): Place {
  if (node && node.offset < offset && offset <= node.offset + node.length) {
    const range = { start: node.offset, end: node.offset + node.length };
    if (node.type === 'string') {
      const closed = node.length >= 2 && text[range.end - 1] === '"' && range.end - 1 >= offset;
      const prefix = text.slice(node.offset + 1, Math.min(offset, closed ? range.end - 1 : range.end));
      return { range, prefix, inString: true, node };
    }
    return { range, prefix: text.slice(node.offset, offset), inString: false, node };
  }
  let start = offset;
  while (start > 0 && /[\w.\-]/.test(text[start - 1])) start--;
  return { range: { start, end: offset }, prefix: text.slice(start, offset), inString: false };
}

// ---------------------------------------------------------------------------------------------
// Property names.

function propertyItems(result: AnalysisResult, parentPath: (string | number)[], place: Place, config: ResolvedConfig): CompletionItem[] {
  const root = result.doc.root;
  const parent = root ? findNodeAtLocation(root, parentPath) : undefined;
  const present = new Set<string>();
  for (const prop of parent?.type === 'object' ? parent.children ?? [] : []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && key !== place.node) present.add(key.value);
  }
  const [before, after] = separators(result.doc.text, place.range);
  if (parentPath.length === 2 && parentPath[0] === 'framework' && parentPath[1] === 'levels') {
    return levelItems(result, present, place, config, before, after);
  }
  const schema = schemaAt(parentPath);
  const items: CompletionItem[] = [];
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    if (present.has(name)) continue;
    const sub = deref(raw) ?? raw;
    items.push({
      label: name,
      kind: 'property',
      detail: sub.title,
      documentation: schemaDocs(sub),
      insertText: `${before}${JSON.stringify(name)}: ${valueSnippet(sub)}${after}`,
      snippet: true,
      range: place.range,
      filterText: place.inString ? JSON.stringify(name) : name,
    });
  }
  return items;
}

/** A comma before or after an inserted member when the neighbours need one to stay valid JSON. */
function separators(text: string, range: Range): [string, string] {
  let i = range.start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const prev = i >= 0 ? text[i] : '';
  let j = range.end;
  while (j < text.length && /\s/.test(text[j])) j++;
  const next = j < text.length ? text[j] : '';
  const before = prev && !'{[,:'.includes(prev) ? ', ' : '';
  const after = next === '"' || next === '{' || next === '[' ? ', ' : '';
  return [before, after];
}

function valueSnippet(sub: SchemaNode): string {
  const node = deref(sub) ?? sub;
  const types = schemaTypes(node);
  const example = node.examples?.[0];
  if (types.includes('boolean')) return '${1|false,true|}';
  if (types.includes('integer') || types.includes('number')) return `\${1:${example ?? 0}}`;
  if (types.includes('array')) return '[$1]';
  if (types.includes('object')) return '{$1}';
  return example !== undefined ? `"\${1:${snippetEscape(String(example))}}"` : '"$1"';
}

function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** The levels the document's vocabulary lacks, in the vocabulary's order. */
function levelItems(
  result: AnalysisResult,
  present: Set<string>,
  place: Place,
  config: ResolvedConfig,
  before: string,
  after: string,
): CompletionItem[] {
  const keys = [...present];
  const match = matchVocabulary(keys, config.levelOrders);
  const vocabulary = match?.vocabulary ?? (keys.length === 0 ? KNOWN_VOCABULARIES[0] : undefined);
  if (!vocabulary) return [];
  const have = new Set(keys.map(normaliseLevelName));
  const multiline = result.doc.text.includes('\n');
  const items: CompletionItem[] = [];
  vocabulary.levels.forEach((name, rank) => {
    if (have.has(normaliseLevelName(name))) return;
    const key = name.replace(/\s+/g, '-');
    const label = titleCase(name);
    const body = multiline
      ? `{\n\t"label": "${label}",\n\t"statements": [\n\t\t"$1"\n\t]\n}`
      : `{ "label": "${label}", "statements": ["$1"] }`;
    items.push({
      label: key,
      kind: 'level',
      detail: `level ${rank + 1} of ${vocabulary.levels.length} (${vocabulary.name})`,
      documentation: `Adds the **${label}** level with its label and a first statement. The ${vocabulary.name} vocabulary orders its levels: ${vocabulary.levels.join(' → ')}.`,
      insertText: `${before}${JSON.stringify(key)}: ${body}${after}`,
      snippet: true,
      range: place.range,
      filterText: place.inString ? JSON.stringify(key) : key,
      sortText: String(rank).padStart(3, '0'),
    });
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Values.

function valueItems(result: AnalysisResult, path: (string | number)[], place: Place, offset: number, config: ResolvedConfig): CompletionResult {
  const p = path.map(String).join('/');
  if (p === 'occupation/soc') return socItems(result, place);
  if (p === 'occupation/jobZone') return { items: jobZoneItems(place), isIncomplete: false };
  if (p === 'occupation/sector') return { items: sectorItems(place), isIncomplete: false };
  if (path.length === 5 && path[0] === 'framework' && path[1] === 'levels' && path[3] === 'statements') {
    return { items: statementItems(result, place, offset, config), isIncomplete: false };
  }
  if (path.length === 4 && path[0] === 'framework' && path[1] === 'levels' && path[3] === 'label') {
    return { items: labelItems(String(path[2]), place), isIncomplete: false };
  }
  const schema = schemaAt(path);
  const items: CompletionItem[] = suggestedValues(schema).map((v) => ({
    label: JSON.stringify(v),
    kind: 'value' as const,
    detail: schema?.title,
    documentation: schemaDocs(schema),
    insertText: JSON.stringify(v),
    snippet: false,
    range: place.range,
  }));
  return { items, isIncomplete: false };
}

function socMatches(query: string): OnetOccupation[] {
  const q = query.trim().toLowerCase();
  const all = REFERENCE.occupations;
  if (!q) return [...all];
  if (/^\d/.test(q)) return all.filter((o) => o.code.startsWith(q));
  const words = q.split(/\s+/);
  return all.filter((o) => {
    const titleWords = o.title.toLowerCase().split(/[^a-z0-9]+/);
    return words.every((w) => titleWords.some((t) => t.startsWith(w)));
  });
}

function socItems(result: AnalysisResult, place: Place): CompletionResult {
  const matches = socMatches(place.prefix);
  const numeric = /^\s*\d/.test(place.prefix);
  const items = matches.slice(0, SOC_LIMIT).map((o, i): CompletionItem => {
    const zone = o.jobZone !== undefined ? REFERENCE.jobZone(o.jobZone) : undefined;
    const group = REFERENCE.majorGroup(o.code.slice(0, 2));
    const filter = numeric ? `${o.code} ${o.title}` : `${place.prefix} ${o.title} ${o.code}`;
    return {
      label: `${o.code} ${o.title}`,
      kind: 'occupation',
      detail: zone ? `Job Zone ${zone.zone}` : 'no O*NET job zone',
      documentation: [
        `**${o.title}** (${o.code})`,
        o.description,
        group ? `Group: ${group.abbreviated}` : undefined,
        zone ? `${zone.name}` : undefined,
        `Choosing it also sets \`title\`, \`group\` and \`jobZone\` to match O*NET.`,
        `_${ONET_ATTRIBUTION}_`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      insertText: JSON.stringify(o.code),
      snippet: false,
      range: place.range,
      additionalEdits: occupationEdits(result, o),
      filterText: place.inString ? `"${filter}` : filter,
      sortText: String(i).padStart(4, '0'),
    };
  });
  return { items, isIncomplete: matches.length > SOC_LIMIT };
}

/** Edits that set `title`, `group` and `jobZone` (and `jobZoneInferred`) to O*NET's for a code. */
export function occupationEdits(result: AnalysisResult, o: OnetOccupation): TextEdit[] {
  const occ = result.model.occupation;
  if (!occ) return [];
  const wanted: [keyof typeof occ & string, unknown][] = [['title', o.title]];
  const group = REFERENCE.majorGroup(o.code.slice(0, 2));
  if (group) wanted.push(['group', group.abbreviated]);
  if (o.jobZone !== undefined) {
    wanted.push(['jobZone', o.jobZone]);
    if (occ.jobZoneInferred) wanted.push(['jobZoneInferred', false]);
  }
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [name, value] of wanted) {
    const field = occ[name as 'title'];
    if (field && typeof field === 'object' && 'range' in field) {
      if (field.value !== value) edits.push({ ...field.range, newText: JSON.stringify(value) });
    } else {
      missing.push(`${JSON.stringify(name)}: ${JSON.stringify(value)}`);
    }
  }
  // Missing properties go before `soc`, so they can never touch the code being replaced.
  if (missing.length > 0 && occ.soc) {
    const text = result.doc.text;
    const at = occ.soc.keyRange.start;
    let lineStart = at;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    const indent = text.slice(lineStart, at);
    const sep = /^[ \t]*$/.test(indent) && lineStart > 0 ? `,${eol(text)}${indent}` : ', ';
    edits.push({ start: at, end: at, newText: missing.join(sep) + sep });
  }
  return edits;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function jobZoneItems(place: Place): CompletionItem[] {
  return REFERENCE.jobZones.map((z) => ({
    label: String(z.zone),
    kind: 'jobZone' as const,
    detail: z.name,
    documentation: [`**${z.name}**`, `**Experience:** ${z.experience}`, `**Education:** ${z.education}`, `**Examples:** ${z.examples}`, `_${ONET_ATTRIBUTION}_`].join('\n\n'),
    insertText: String(z.zone),
    snippet: false,
    range: place.range,
    sortText: String(z.zone),
  }));
}

function sectorItems(place: Place): CompletionItem[] {
  return REFERENCE.sectors.map((s, i) => ({
    label: `${s.code} ${s.title}`,
    kind: 'sector' as const,
    detail: 'NAICS 2022 sector',
    documentation: `**${s.title}** — NAICS 2022 sector \`${s.code}\` (U.S. Census Bureau).`,
    insertText: JSON.stringify(s.code),
    snippet: false,
    range: place.range,
    filterText: place.inString ? `"${s.code} ${s.title}` : `${s.code} ${s.title}`,
    sortText: String(i).padStart(3, '0'),
  }));
}

function labelItems(key: string, place: Place): CompletionItem[] {
  const label = titleCase(key.replace(/[-_]+/g, ' '));
  return [{ label: JSON.stringify(label), kind: 'value', detail: 'the level key as a label', insertText: JSON.stringify(label), snippet: false, range: place.range }];
}

// ---------------------------------------------------------------------------------------------
// Inside a level's statements.

function statementItems(result: AnalysisResult, place: Place, offset: number, config: ResolvedConfig): CompletionItem[] {
  const level = levelAt(result, offset);
  if (!level) return [];
  const items: CompletionItem[] = [];
  const scope = scopeOf(result, config);
  const n = Math.max(1, result.model.levels.length);
  const own = scope?.levels.find((l) => l.level.key === level.key);
  const rank = own?.rank ?? level.index;
  const typed = place.inString ? place.prefix : '';
  const freshString = !place.inString || typed.trim() === '';
  const [before, after] = place.inString ? ['', ''] : separators(result.doc.text, place.range);

  // Topics of threads that run through the levels around this one but skip it.
  if (scope && freshString) {
    for (const thread of scope.threads) {
      if (thread.ranks.includes(rank)) continue;
      if (!thread.ranks.includes(rank - 1) && !thread.ranks.includes(rank + 1)) continue;
      const nearest = [...thread.members].sort(
        (a, b) => Math.abs(scope.statements[a].rank - rank) - Math.abs(scope.statements[b].rank - rank),
      )[0];
      const model = scope.statements[nearest].statement;
      const topic = (model.topic ?? thread.name).trim();
      if (!topic) continue;
      const around = thread.members
        .map((m) => scope.statements[m].statement)
        .map((s) => `- *${levelName(result.model.levels[s.levelIndex])}*: ${s.text}`)
        .join('\n');
      items.push({
        label: `${topic} — `,
        kind: 'topic',
        detail: `thread missing at ${levelName(level)}`,
        documentation: `The thread **${thread.name}** has statements at the levels around ${levelName(level)} but none here:\n\n${around}`,
        insertText: `${before}"${snippetEscape(jsonInner(topic))} — $1"${after}`,
        snippet: true,
        range: place.range,
        filterText: place.inString ? `"${topic}` : topic,
        sortText: `0${String(items.length).padStart(3, '0')}`,
      });
    }
  }

  // Openers typical of this level: leading verbs and autonomy phrases placed near its rank.
  const target = n > 1 ? rank / (n - 1) : 0.5;
  const afterTopic = place.inString && /\s[—–-]\s*$/.test(typed);
  const openers = typicalPhrases(target);
  for (const entry of openers) {
    const phrase = displayPhrase(entry.phrase);
    if (!phrase) continue;
    const isVerb = entry.axis === 'verb';
    let insertText: string;
    let range = place.range;
    if (place.inString && !freshString) {
      // Inside a statement being written: insert the phrase at the cursor.
      if (isVerb && !afterTopic) continue;
      insertText = isVerb ? `${snippetEscape(phrase)} $0` : snippetEscape(phrase);
      range = { start: offset, end: offset };
    } else if (isVerb) {
      insertText = `${before}"\${1:Topic} — ${snippetEscape(phrase)} \${2:what, with which conditions and scope}."${after}`;
    } else {
      continue;
    }
    items.push({
      label: phrase,
      kind: 'opener',
      detail: `${entry.axis === 'verb' ? 'verb' : entry.axis} typical of ${levelName(level)} (${entry.reading})`,
      documentation: `In the scope lexicon, *${phrase}* reads as **${entry.reading}**, which places a statement near ${levelName(level)} (${Math.round(entry.position * 100)}% of the way from supervised to strategic).`,
      insertText,
      snippet: true,
      range,
      filterText: range.start === range.end ? phrase : place.inString ? `"${phrase}` : phrase,
      sortText: `1${String(items.length).padStart(3, '0')}`,
    });
  }
  return items;
}

function jsonInner(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** The strongest verb and autonomy phrases whose position is close to a level's. */
function typicalPhrases(target: number): LexiconEntry[] {
  const near = (e: LexiconEntry) => Math.abs(e.position - target) <= 0.125;
  const pick = (axis: string, count: number) =>
    BUILTIN_ENTRIES.filter((e) => e.axis === axis && near(e) && !e.phrase.startsWith('-'))
      .sort((a, b) => b.weight - a.weight || Math.abs(a.position - target) - Math.abs(b.position - target))
      .filter((e, i, all) => all.findIndex((x) => displayPhrase(x.phrase) === displayPhrase(e.phrase)) === i)
      .slice(0, count);
  return [...pick('verb', 10), ...pick('autonomy', 5)];
}

/** A lexicon phrase as a writer would type it: first alternative of each token, no inflection marks. */
function displayPhrase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((t) => t.split('|')[0].replace(/~$/, ''))
    .join(' ')
    .trim();
}
