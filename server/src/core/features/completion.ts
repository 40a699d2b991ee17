/**
 * Completions that know the domain: property names and values from the schema, the levels a
 * document's vocabulary still lacks, O*NET-SOC codes by code or title word (filling title, group and
 * job zone to match), job zones and NAICS sectors by name, and, inside a level's statements, the
 * topics of threads this level lacks and openers typical of the level; in an empty document, a whole
 * framework to fill. Plain data out; the language server turns it into LSP items.
 */
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/types';
import { REFERENCE, ONET_ATTRIBUTION, type OnetOccupation } from '../data/reference';
import { BUILTIN_ENTRIES, type LexiconEntry } from '../analysis/scope/lexicon';
import { KNOWN_VOCABULARIES, matchVocabulary, normaliseLevelName } from '../model/vocabularies';
import type { AnalysisResult } from '../service';
import type { Range, TextEdit } from '../types';
import { deref, schemaAt, schemaDocs, schemaTypes, suggestedValues, type SchemaNode } from './schemaInfo';
import { levelAt, levelName, statementAt } from './locate';
import { wellFormedSoc } from '../rules/util';
import { scopeOf } from './reading';
import { skeletonItem } from './skeleton';
import { ONET_TASKS_ATTRIBUTION, taskAsBody, uncoveredTasks, type TaskLookup } from './tasks';
import { splitStatement } from '../model/statementParts';

export type CompletionKind = 'property' | 'value' | 'level' | 'occupation' | 'jobZone' | 'sector' | 'topic' | 'task' | 'opener';

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
  /** The character whose typing asked for completion, when a trigger character did. */
  triggerCharacter?: string;
  /** O*NET's tasks by occupation, offered as new statements (the language server reads them from disk). */
  tasks?: TaskLookup;
}

const DEFAULT_LIMIT = 100;
const SOC_LIMIT = 50;

export function complete(result: AnalysisResult, offset: number, options: CompletionOptions = {}): CompletionResult {
  const text = result.doc.text;
  if (offset < 0 || offset > text.length) return { items: [], isIncomplete: false };
  const config = options.config ?? EMPTY_CONFIG;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (text.trim() === '') return { items: [skeletonItem(offset, eol(text))], isIncomplete: false };
  const loc = getLocation(text, offset);
  // A quote is a trigger character for the quote that opens a key or a value. The one that closes
  // a string asks for nothing: a list opened there would take the Enter that follows.
  if (options.triggerCharacter === '"' && closesString(text, loc.previousNode, offset)) return { items: [], isIncomplete: false };
  const place = replacePlace(text, offset, loc.previousNode);
  const path = loc.path;
  let out: CompletionResult;
  if (loc.isAtPropertyKey || inUnseparatedKey(loc.previousNode, offset)) {
    const member = keyMember(result, path.slice(0, -1), place);
    out = { items: member ? propertyItems(result, path.slice(0, -1), place, member, config) : [], isIncomplete: false };
  } else {
    out = memberValueItems(result, path, place, offset, config, options.tasks);
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
  if (node && node.offset < offset && offset <= node.offset + node.length && !pastValueString(text, node, offset)) {
    const range = { start: node.offset, end: node.offset + node.length };
    // getLocation reports a property's key as a node of type `property`; it is a string literal.
    if (node.type === 'string' || node.type === 'property') {
      const closed = isClosedString(text, range);
      const prefix = text.slice(node.offset + 1, Math.min(offset, closed ? range.end - 1 : range.end));
      return { range, prefix, inString: true, node };
    }
    return { range, prefix: text.slice(node.offset, offset), inString: false, node };
  }
  let start = offset;
  while (start > 0 && /[\w.\-]/.test(text[start - 1])) start--;
  return { range: { start, end: offset }, prefix: text.slice(start, offset), inString: false };
}

/**
 * True when the cursor is just after the closing quote of a string value. The value is finished
 * there: a statement's opener typed at that point would land outside the quotes. A key stays under
 * the cursor after its closing quote, since replacing the key is all a completion can do there.
 */
function pastValueString(text: string, node: Node, offset: number): boolean {
  const range = { start: node.offset, end: node.offset + node.length };
  return node.type === 'string' && offset === range.end && isClosedString(text, range);
}

/** True when the cursor stands just after the closing quote of a key or a string value. */
function closesString(text: string, node: Node | undefined, offset: number): boolean {
  if (!node || (node.type !== 'string' && node.type !== 'property')) return false;
  const range = { start: node.offset, end: node.offset + node.length };
  return offset === range.end && isClosedString(text, range);
}

/** True when a string literal ends with its closing quote (not with an escaped one, nor cut off). */
function isClosedString(text: string, range: Range): boolean {
  if (range.end - range.start < 2 || text[range.end - 1] !== '"') return false;
  let backslashes = 0;
  for (let i = range.end - 2; i > range.start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * True when the cursor is inside a key that follows the previous member with no comma between, as
 * a member begun on a new line after an object's last one is: getLocation saw that member's colon
 * and no comma since, so it says the cursor is not at a key, and names the key as a property of the
 * path. Only a key makes it report a node of type `property`, so the node says where the cursor is.
 */
function inUnseparatedKey(node: Node | undefined, offset: number): boolean {
  return node?.type === 'property' && node.offset < offset && offset <= node.offset + node.length;
}

/** The first character after `offset` that is not whitespace, or '' at the end of the text. */
function nextChar(text: string, offset: number): string {
  let j = offset;
  while (j < text.length && /\s/.test(text[j])) j++;
  return j < text.length ? text[j] : '';
}

// ---------------------------------------------------------------------------------------------
// Where the cursor stands against an object member's value.

/**
 * How the cursor relates to the existing value of the property getLocation names: on it (or no
 * value is there yet), before it with only spaces between, or past it once it is finished. The
 * path alone cannot tell these apart: getLocation names the property from its colon up to the next
 * comma or brace, wherever the value is.
 */
type ValueSpot =
  | { kind: 'on' }
  | { kind: 'before'; value: Node }
  | { kind: 'after'; value: Node }
  | { kind: 'nowhere' };

function valueSpot(result: AnalysisResult, path: (string | number)[], offset: number): ValueSpot {
  const root = result.doc.root;
  // Array elements are not members: a new element between two is a completion of its own, with
  // the commas that separators() gives it.
  if (!root || typeof path[path.length - 1] !== 'string') return { kind: 'on' };
  const value = findNodeAtLocation(root, path);
  const property = value?.parent;
  if (!value || property?.type !== 'property' || property.children?.[1] !== value) return { kind: 'on' };
  const text = result.doc.text;
  const end = value.offset + value.length;
  if (offset <= value.offset) {
    // Only spaces on the cursor's line may lie between it and the value: an LSP completion edit
    // is one line that holds the cursor, and a comment between is not ours to delete.
    return /^[ \t]*$/.test(text.slice(offset, value.offset)) ? { kind: 'before', value } : { kind: 'nowhere' };
  }
  const finished = value.type === 'object' || value.type === 'array' || (value.type === 'string' && isClosedString(text, { start: value.offset, end }));
  if (offset > end || (offset === end && finished)) return { kind: 'after', value };
  return { kind: 'on' };
}

/**
 * Completions at a value position. On the value they replace it; just before it they replace it
 * too, never write a second value beside it; past a finished value, a new member of the object is
 * the only thing JSON accepts there.
 */
function memberValueItems(result: AnalysisResult, path: (string | number)[], place: Place, offset: number, config: ResolvedConfig, tasks?: TaskLookup): CompletionResult {
  const spot = valueSpot(result, path, offset);
  if (spot.kind === 'on') return valueItems(result, path, place, offset, config, tasks);
  if (spot.kind === 'before') return replacingValue(result, path, spot.value, offset, config, tasks);
  if (spot.kind === 'after') {
    const member = memberAfter(result.doc.text, spot.value, place.range);
    return { items: propertyItems(result, path.slice(0, -1), place, member, config), isIncomplete: false };
  }
  return { items: [], isIncomplete: false };
}

/**
 * Value completions that replace the value after the cursor. The range starts at the cursor, as an
 * editor wants it to, so the spaces up to the value are written back in front of the new one.
 */
function replacingValue(result: AnalysisResult, path: (string | number)[], value: Node, offset: number, config: ResolvedConfig, tasks?: TaskLookup): CompletionResult {
  // Replacing a whole object or array with a scalar would throw away everything inside it.
  if (value.type === 'object' || value.type === 'array') return { items: [], isIncomplete: false };
  const lead = result.doc.text.slice(offset, value.offset);
  const place: Place = { range: { start: offset, end: value.offset + value.length }, prefix: '', inString: false };
  const out = valueItems(result, path, place, offset, config, tasks);
  if (!lead) return out;
  return { ...out, items: out.items.map((item) => ({ ...item, insertText: lead + item.insertText })) };
}

// ---------------------------------------------------------------------------------------------
// Property names.

/**
 * How an inserted member fits among its neighbours. Over a key that a colon already follows, only
 * the key is replaced, so that the existing value stays the value (as VS Code's own JSON completion
 * does); elsewhere the whole member is inserted with the commas it needs.
 */
interface Member {
  /** Text before and after the member: the commas its neighbours need. */
  before: string;
  after: string;
  /** True when only the key is written, because a colon and a value already follow it. */
  keyOnly: boolean;
  /** A comma written right after the previous value, when the member goes on a later line. */
  edits?: TextEdit[];
}

/** The member inserted at a key position, or undefined where no key can go (between a key and its colon). */
function keyMember(result: AnalysisResult, parentPath: (string | number)[], place: Place): Member | undefined {
  const text = result.doc.text;
  let [before, after] = separators(text, place.range);
  let edits: TextEdit[] | undefined;
  const end = before ? unseparatedValueEnd(result, parentPath, place.range.start) : undefined;
  if (end !== undefined) {
    // The comma goes straight after the previous value, as memberAfter puts it, rather than in
    // front of the new key on its own line.
    before = '';
    edits = [{ start: end, end, newText: ',' }];
  }
  if (nextChar(text, place.range.end) !== ':') return { before, after, keyOnly: false, edits };
  return before ? undefined : { before: '', after: '', keyOnly: true, edits };
}

/**
 * Where the value of the member before `at` ends, when only whitespace lies between it and `at`:
 * the comma between that member and one written at `at` is missing. Undefined when the value ends
 * right at `at`, since an edit there would touch the completion's own range.
 */
function unseparatedValueEnd(result: AnalysisResult, parentPath: (string | number)[], at: number): number | undefined {
  const root = result.doc.root;
  const parent = root ? findNodeAtLocation(root, parentPath) : undefined;
  if (parent?.type !== 'object') return undefined;
  let end: number | undefined;
  for (const prop of parent.children ?? []) {
    const value = prop.children?.[1];
    if (value && value.offset + value.length <= at) end = value.offset + value.length;
  }
  if (end === undefined || end === at || !/^\s*$/.test(result.doc.text.slice(end, at))) return undefined;
  return end;
}

/**
 * The member inserted after a finished value. The comma it needs goes straight after that value
 * when the cursor is further on (on the next line, say), so the document keeps its layout.
 */
function memberAfter(text: string, value: Node, range: Range): Member {
  const [, after] = separators(text, range);
  const end = value.offset + value.length;
  if (end < range.start) return { before: '', after, keyOnly: false, edits: [{ start: end, end, newText: ',' }] };
  return { before: ', ', after, keyOnly: false };
}

/** The text of a completed member: the key alone, or key, colon, value snippet and commas. */
function memberText(member: Member, name: string, valueText: string): string {
  const key = snippetEscape(JSON.stringify(name));
  return member.keyOnly ? JSON.stringify(name) : `${member.before}${key}: ${valueText}${member.after}`;
}

function propertyItems(result: AnalysisResult, parentPath: (string | number)[], place: Place, member: Member, config: ResolvedConfig): CompletionItem[] {
  const root = result.doc.root;
  const parent = root ? findNodeAtLocation(root, parentPath) : undefined;
  // The key being replaced does not count as present: it may be replaced by itself.
  const replaced = place.node?.offset;
  const present = new Set<string>();
  for (const prop of parent?.type === 'object' ? parent.children ?? [] : []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && key.offset !== replaced) present.add(key.value);
  }
  if (parentPath.length === 2 && parentPath[0] === 'framework' && parentPath[1] === 'levels') {
    return levelItems(result, present, place, member, config);
  }
  const schema = schemaAt(parentPath);
  const inOccupation = parentPath.length === 1 && parentPath[0] === 'occupation';
  const facts = inOccupation ? occupationFacts(result) : undefined;
  const items: CompletionItem[] = [];
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    if (present.has(name)) continue;
    const sub = deref(raw) ?? raw;
    const own = inOccupation ? occupationValue(name, facts) : undefined;
    items.push({
      label: name,
      kind: 'property',
      detail: sub.title,
      documentation: [schemaDocs(sub), own?.note].filter(Boolean).join('\n\n') || undefined,
      insertText: memberText(member, name, own?.snippet ?? valueSnippet(sub)),
      snippet: !member.keyOnly,
      range: place.range,
      ...(member.edits ? { additionalEdits: member.edits } : {}),
      filterText: place.inString ? JSON.stringify(name) : name,
    });
  }
  return items;
}

/**
 * What the document's own SOC code says its occupation's title, group and job zone are: O*NET's title
 * and zone for the code, and the SOC major group of its first two digits, which even a code O*NET
 * lacks has.
 */
interface OccupationFacts {
  code: string;
  title?: string;
  group?: string;
  jobZone?: number;
  /** True when O*NET knows the code. */
  known: boolean;
}

/** The facts of the document's SOC code, or undefined when the code is missing or malformed. */
function occupationFacts(result: AnalysisResult): OccupationFacts | undefined {
  const code = wellFormedSoc(result.model.occupation);
  if (code === undefined) return undefined;
  const o = REFERENCE.occupation(code);
  return { code, title: o?.title, group: REFERENCE.majorGroupOf(code)?.abbreviated, jobZone: o?.jobZone, known: o !== undefined };
}

/**
 * The value written with an occupation property, and a note on where it comes from. The schema's
 * examples are the librarian's (25-4022.00): written into another occupation's document they are
 * wrong at once, and the title, group and job-zone rules say so. So the value is the document's own
 * SOC code's when it has one, and otherwise an empty placeholder (a choice of the five zones for
 * the job zone), never another occupation's.
 */
function occupationValue(name: string, facts: OccupationFacts | undefined): { snippet: string; note: string } | undefined {
  const string = (value: string) => `"\${1:${snippetEscape(jsonInner(value))}}"`;
  const pending = 'Completing `soc` with a code fills it to match O*NET.';
  switch (name) {
    case 'soc':
      return { snippet: '"$1"', note: 'Type a code or a word of the title: completion lists O*NET\'s occupations, and choosing one fills `title`, `group` and `jobZone` to match.' };
    case 'title':
      return facts?.title !== undefined
        ? { snippet: string(facts.title), note: `Written as O*NET's title for ${facts.code}.` }
        : { snippet: '"$1"', note: pending };
    case 'group':
      return facts?.group !== undefined
        ? { snippet: string(facts.group), note: `Written as the SOC major group of ${facts.code}.` }
        : { snippet: '"$1"', note: pending };
    case 'jobZone':
      return facts?.jobZone !== undefined
        ? { snippet: `\${1:${facts.jobZone}}`, note: `Written as O*NET's job zone for ${facts.code}.` }
        : { snippet: `\${1|${REFERENCE.jobZones.map((z) => z.zone).join(',')}|}`, note: facts?.known ? `O*NET gives ${facts.code} no job zone: this one is your estimate, which \`jobZoneInferred\` should say.` : pending };
    case 'sector':
      // The sector cannot be derived from the SOC code (an occupation works in many), and the
      // schema's example ("61") is a real sector that naics-sector would let stand for any occupation.
      return { snippet: '"$1"', note: 'A NAICS 2022 sector code: two digits ("61") or a range ("31-33"); the value completion lists them.' };
    case 'jobZoneInferred':
      // A code O*NET knows without a zone leaves the zone to the author, which is what true says.
      return facts?.known && facts.jobZone === undefined ? { snippet: '${1|true,false|}', note: `O*NET gives ${facts.code} no job zone.` } : undefined;
    default:
      return undefined;
  }
}

/** A comma before or after an inserted member when the neighbours need one to stay valid JSON. */
function separators(text: string, range: Range): [string, string] {
  let i = range.start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const prev = i >= 0 ? text[i] : '';
  const next = nextChar(text, range.end);
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
  member: Member,
  config: ResolvedConfig,
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
      insertText: memberText(member, key, body),
      snippet: !member.keyOnly,
      range: place.range,
      ...(member.edits ? { additionalEdits: member.edits } : {}),
      filterText: place.inString ? JSON.stringify(key) : key,
      sortText: String(rank).padStart(3, '0'),
    });
  });
  return items;
}

// ---------------------------------------------------------------------------------------------
// Values.

function valueItems(result: AnalysisResult, path: (string | number)[], place: Place, offset: number, config: ResolvedConfig, tasks?: TaskLookup): CompletionResult {
  const p = path.map(String).join('/');
  if (p === 'occupation/soc') return socItems(result, place);
  if (p === 'occupation/jobZone') return { items: jobZoneItems(place), isIncomplete: false };
  if (p === 'occupation/sector') return { items: sectorItems(place), isIncomplete: false };
  if (p === 'occupation/title' || p === 'occupation/group') return { items: occupationValueItems(result, path[1] as 'title' | 'group', place), isIncomplete: false };
  if (path.length === 5 && path[0] === 'framework' && path[1] === 'levels' && path[3] === 'statements') {
    return { items: statementItems(result, place, offset, config, tasks), isIncomplete: false };
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
    const group = REFERENCE.majorGroupOf(o.code);
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
        zone
          ? `Choosing it also sets \`title\`, \`group\` and \`jobZone\` to match O*NET.`
          : `Choosing it also sets \`title\` and \`group\` to match O*NET, which gives this occupation no job zone: \`jobZoneInferred\` is set to true, so that a \`jobZone\` you keep reads as your own estimate.`,
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
  const group = REFERENCE.majorGroupOf(o.code);
  if (group) wanted.push(['group', group.abbreviated]);
  if (o.jobZone !== undefined) {
    wanted.push(['jobZone', o.jobZone]);
    if (occ.jobZoneInferred) wanted.push(['jobZoneInferred', false]);
  } else if (occ.jobZone || occ.jobZoneInferred) {
    // O*NET gives no zone for this occupation, so a zone already written is no longer O*NET's: it
    // is the author's estimate, which is what job-zone-inferred asks the export to say.
    wanted.push(['jobZoneInferred', true]);
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

/**
 * The title or group that the document's SOC code gives, as the one value offered. Without a code
 * there is nothing to offer: the schema's example is another occupation's.
 */
function occupationValueItems(result: AnalysisResult, name: 'title' | 'group', place: Place): CompletionItem[] {
  const facts = occupationFacts(result);
  const value = facts?.[name];
  if (!facts || value === undefined) return [];
  const schema = schemaAt(['occupation', name]);
  return [
    {
      label: JSON.stringify(value),
      kind: 'value',
      detail: name === 'title' ? `O*NET's title for ${facts.code}` : `SOC major group of ${facts.code}`,
      documentation: schemaDocs(schema),
      insertText: JSON.stringify(value),
      snippet: false,
      range: place.range,
    },
  ];
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

function statementItems(result: AnalysisResult, place: Place, offset: number, config: ResolvedConfig, tasks?: TaskLookup): CompletionItem[] {
  const level = levelAt(result, offset);
  if (!level) return [];
  const items: CompletionItem[] = [];
  const scope = scopeOf(result, config);
  const own = scope?.levels.find((l) => l.level.key === level.key);
  const rank = own?.rank ?? level.index;
  const typed = place.inString ? place.prefix : '';
  // A literal is a fresh statement to replace only when it holds nothing but spaces: with nothing
  // typed before the cursor, the cursor may still stand at the start of a written statement, which
  // replacing the literal would delete.
  const freshString = !place.inString || literalContent(result.doc.text, place.range).trim() === '';
  // At the start of a written statement without a topic, a topic goes in front of it.
  const topicInFront = place.inString && !freshString && typed.trim() === '' && statementAt(result, offset)?.topic === undefined;
  const [before, after] = place.inString ? ['', ''] : separators(result.doc.text, place.range);

  // Topics of threads that run through the levels around this one but skip it.
  if (scope && (freshString || topicInFront)) {
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
        insertText: topicInFront ? `${snippetEscape(jsonInner(topic))} — ` : `${before}"${snippetEscape(jsonInner(topic))} — $1"${after}`,
        snippet: true,
        range: topicInFront ? { start: offset, end: offset } : place.range,
        filterText: topicInFront ? topic : place.inString ? `"${topic}` : topic,
        sortText: `0${String(items.length).padStart(3, '0')}`,
      });
    }
  }

  // Where the level stands between supervised and strategic, which orders the tasks and the openers.
  const target = levelPosition(result, level.index, rank, config);

  // O*NET's tasks for the occupation that no statement covers yet, as the body of a new statement.
  const taskSpot = tasks && !topicInFront ? taskPlace(result.doc.text, place, offset, freshString) : undefined;
  if (tasks && taskSpot) {
    for (const task of uncoveredTasks(result, tasks, target, statementAt(result, offset))) {
      const label = task.text.replace(/\.$/, '');
      const body = snippetEscape(jsonInner(taskAsBody(task.text)));
      items.push({
        label,
        kind: 'task',
        detail: `O*NET task ${task.id}${task.core ? ', core' : ''}`,
        documentation: `O\\*NET lists this task for the occupation, and no statement of the document covers it yet. Give it a topic and the scope expected at ${levelName(level)}.\n\n${ONET_TASKS_ATTRIBUTION}`,
        insertText: taskSpot.asBody ? `${body}$0` : `${before}"\${1:Topic} — ${body}$0"${after}`,
        snippet: true,
        range: taskSpot.range,
        filterText: taskSpot.asBody ? taskAsBody(label) : place.inString ? `"${label}` : label,
        sortText: `05${String(items.length).padStart(3, '0')}`,
      });
    }
  }

  // Openers typical of this level: leading verbs and autonomy phrases placed near its rank.
  const afterTopic = place.inString && /\s[—–-]\s*$/.test(typed);
  const openers = typicalPhrases(target);
  for (const entry of openers) {
    const phrase = displayPhrase(entry.phrase);
    if (!phrase) continue;
    const isVerb = entry.axis === 'verb';
    let insertText: string;
    let range = place.range;
    if (place.inString && !freshString) {
      // Inside a statement being written: insert the phrase at the cursor, though not in front of
      // the statement, where it would stand before the topic.
      if (typed.trim() === '' || (isVerb && !afterTopic)) continue;
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

/**
 * Where an O*NET task goes. In a new statement, over the whole literal. In a statement typed so far
 * (nothing after the cursor), over the whole literal too while it has no topic, since the client
 * filters the items by what was typed: an explicit request, or a client that asks again at each
 * keystroke, had lost the tasks from the first letter on. After a typed "Topic — ", as the body,
 * over what was typed of it. Nowhere else: text after the cursor would be replaced with the rest.
 */
function taskPlace(text: string, place: Place, offset: number, fresh: boolean): { range: Range; asBody: boolean } | undefined {
  if (fresh) return { range: place.range, asBody: false };
  if (!place.inString || place.prefix !== literalContent(text, place.range) || place.prefix.includes('\\')) return undefined;
  // A body begun, so that "Topic — " with nothing after it splits as the statement will.
  const parts = splitStatement(`${place.prefix}.`);
  if (parts.topic === undefined) return { range: place.range, asBody: false };
  return { range: { start: place.range.start + 1 + parts.bodyStart, end: offset }, asBody: true };
}

/** The text between a string literal's quotes, or after its opening quote when it is not closed. */
function literalContent(text: string, range: Range): string {
  return text.slice(range.start + 1, isClosedString(text, range) ? range.end - 1 : range.end);
}

function jsonInner(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/**
 * Where a level stands on the lexicon's scale from supervised (0) to strategic (1). A known or
 * configured vocabulary that names the document's levels (by key, else by label, as the scope
 * analysis matches them) places each among all of its levels, which a document holding only some
 * of them cannot: a lone Emerging level is the first of four, not halfway. Without one, the level's
 * rank among the document's own levels places it.
 */
function levelPosition(result: AnalysisResult, index: number, rank: number, config: ResolvedConfig): number {
  const levels = result.model.levels;
  const labels = levels.map((l) => (typeof l.label?.value === 'string' ? l.label.value : ''));
  const match = matchVocabulary(levels.map((l) => l.key), config.levelOrders) ?? (labels.every((x) => x) ? matchVocabulary(labels, config.levelOrders) : undefined);
  const size = match?.vocabulary.levels.length ?? 0;
  if (match && size > 1 && match.ranks[index] !== undefined) return match.ranks[index] / (size - 1);
  return levels.length > 1 ? rank / (levels.length - 1) : 0.5;
}

/**
 * The strongest leading verbs and autonomy phrases whose position is close to a level's. Verb-axis
 * phrases that count wherever they stand (`anywhere`: "awareness", "good understanding") are not
 * verbs a statement opens with, so they are not offered as such.
 */
function typicalPhrases(target: number): LexiconEntry[] {
  const near = (e: LexiconEntry) => Math.abs(e.position - target) <= 0.125;
  const pick = (axis: string, count: number) =>
    firstOfEachPhrase(
      BUILTIN_ENTRIES.filter((e) => e.axis === axis && near(e) && !e.phrase.startsWith('-') && !(axis === 'verb' && e.anywhere)).sort(
        (a, b) => b.weight - a.weight || Math.abs(a.position - target) - Math.abs(b.position - target),
      ),
      count,
    );
  return [...pick('verb', 10), ...pick('autonomy', 5)];
}

/**
 * The first `count` entries that read differently once displayed. A set of the phrases seen keeps
 * this linear: completion asks for it at every position inside a statement.
 */
function firstOfEachPhrase(entries: LexiconEntry[], count: number): LexiconEntry[] {
  const seen = new Set<string>();
  const out: LexiconEntry[] = [];
  for (const e of entries) {
    if (out.length === count) break;
    const phrase = displayPhrase(e.phrase);
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    out.push(e);
  }
  return out;
}

/** A lexicon phrase as a writer would type it: first alternative of each token, no inflection marks. */
function displayPhrase(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((t) => t.split('|')[0].replace(/~$/, ''))
    .join(' ')
    .trim();
}
