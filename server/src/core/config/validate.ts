/**
 * Checks a parsed config against the shape in schemas/competency-lint-config.schema.json, without
 * ajv so that the check stays cheap and its messages stay plain, and for what the schema cannot
 * say (rule ids, their options, globs, suppressions that could never match). Returns every problem
 * with the text it is about, found by re-walking the text with jsonc-parser: the CLI reports the
 * first, an editor shows them all where they are written.
 */
import { parseTree, type Node } from 'jsonc-parser';
import { globProblem } from './globs';
import type { RuleOption } from '../rules/types';
import type { Range } from '../types';
import { resolvePointer, toPointer } from '../parse/pointer';
import { nodeRange } from '../parse/parse';
import { unknownRuleHint } from './ruleNames';

/** What the check needs to know of a rule: that it exists, and its options. */
export type RuleLookup = (id: string) => { options?: readonly RuleOption[]; onStatements?: boolean } | undefined;

/** The pointers under which a statement can be: the whole document, the levels, one level, one statement. */
const TOWARD_STATEMENT = /^(\/framework(\/levels(\/[^/]+(\/statements(\/\d+)?)?)?)?)?$/;

/**
 * Who else can see a problem: `syntax`, any JSON editor (the text is not JSON with comments);
 * `schema`, an editor that checks the file against schemas/competency-lint-config.schema.json,
 * which refuses the config for the same reason (test/unit/schema/config-schema.test.ts holds the
 * two to that); `semantic`, only the linter, which knows its rules, their options, the limits on
 * globs and which suppressions could match.
 */
export type ConfigProblemKind = 'syntax' | 'schema' | 'semantic';

export interface ConfigProblem {
  message: string;
  /**
   * The offending property, from its key to the end of its value, or the offending value when it
   * has no key (an array's item, the whole config); its start is where the CLI says the problem is.
   */
  range: Range;
  kind: ConfigProblemKind;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SUPPRESSION_KEYS = ['file', 'pointer', 'statement', 'rule'];
const KEYS = ['$schema', 'root', 'rules', 'levelOrder', 'files', 'ignore', 'suppressions', 'lexicon', 'maxFileSize'];

/**
 * `lookupRule`, when given, makes a rule id that no rule has a problem too, in `rules` and in a
 * suppression (the lookup the adapters pass, rules/index.ts's findSetting, also knows the
 * large-file notice, which both may name), and so are an option the rule does not have, an option of the wrong type and one
 * outside its range: a typo would otherwise silently do nothing, and the editor and CI would both
 * quietly ignore it. `ruleIds`, every rule's id, lets the message for an unknown id suggest the
 * nearest one. The problems come in the order of the checks, so the first is the one the CLI has
 * always reported; a part whose shape is wrong is not looked into further.
 */
export function configProblems(value: unknown, text: string, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): ConfigProblem[] {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string, kind: ConfigProblemKind = 'schema'): void => {
    problems.push({ message, range: placeOf(tree, path), kind });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at([], 'the config must be a JSON object');
    return problems;
  }
  if (tree) problems.push(...repeatedKeys(tree));
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!KEYS.includes(k)) at([k], `unknown config property "${k}" (allowed: ${KEYS.join(', ')})`);
  if (v.$schema !== undefined && typeof v.$schema !== 'string') at(['$schema'], '"$schema" must be a string (the URI or path of the config schema)');
  if (v.root !== undefined && typeof v.root !== 'boolean') at(['root'], '"root" must be true or false');
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) at(['rules'], '"rules" must be an object of rule ids');
    else {
      // The ids as written: "__proto__" is a key of the text but not of the parsed object.
      const ids = tree ? (resolvePointer(tree, '/rules').node?.children ?? []).map((p) => String(p.children?.[0]?.value)) : Object.keys(v.rules);
      for (const id of new Set(ids)) {
        if (lookupRule && !Object.hasOwn(v.rules, id)) {
          at(['rules', id], unknownRule(id, ruleIds), 'semantic');
          continue;
        }
        for (const problem of ruleSettingProblems(id, (v.rules as Record<string, unknown>)[id], lookupRule, ruleIds)) at(['rules', id, ...problem.at], problem.message, problem.kind);
      }
    }
  }
  const stringArray = (x: unknown) => Array.isArray(x) && x.every((e) => typeof e === 'string');
  if (v.levelOrder !== undefined && !(stringArray(v.levelOrder) || (Array.isArray(v.levelOrder) && v.levelOrder.every(stringArray))))
    at(['levelOrder'], '"levelOrder" must be an array of level names, or an array of such arrays');
  for (const k of ['files', 'ignore']) {
    if (v[k] === undefined) continue;
    if (!stringArray(v[k])) {
      at([k], `"${k}" must be an array of glob strings`);
      continue;
    }
    for (const [i, g] of (v[k] as string[]).entries()) {
      const problem = globProblem(g);
      if (problem) at([k, i], `"${k}": ${problem}`, 'semantic');
    }
  }
  if (v.suppressions !== undefined) {
    if (!Array.isArray(v.suppressions)) at(['suppressions'], '"suppressions" must be an array of { file, pointer, statement, rule }');
    else for (let i = 0; i < v.suppressions.length; i++) suppressionProblems(v.suppressions[i], (path, message, kind) => at(['suppressions', i, ...path], message, kind), lookupRule, ruleIds);
  }
  if (v.maxFileSize !== undefined && (typeof v.maxFileSize !== 'number' || !(v.maxFileSize > 0))) at(['maxFileSize'], '"maxFileSize" must be a positive number of bytes');
  if (v.lexicon !== undefined) {
    const lx = v.lexicon as Record<string, unknown>;
    if (typeof lx !== 'object' || lx === null || Array.isArray(lx)) at(['lexicon'], '"lexicon" must be an object');
    else if (lx.phrases !== undefined) {
      if (!Array.isArray(lx.phrases)) at(['lexicon', 'phrases'], '"lexicon.phrases" must be an array');
      else
        for (let i = 0; i < lx.phrases.length; i++) {
          const p = lx.phrases[i] as Record<string, unknown>;
          if (typeof p?.phrase !== 'string' || typeof p?.axis !== 'string' || typeof p?.level !== 'number')
            at(['lexicon', 'phrases', i], 'a lexicon phrase is { "phrase": string, "axis": string, "level": number }');
        }
    }
  }
  return problems;
}

/** The first problem of a config (what the CLI reports), or undefined when there is none. */
export function validateConfig(value: unknown, text: string, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): ConfigProblem | undefined {
  return configProblems(value, text, lookupRule, ruleIds)[0];
}

type Report = (path: (string | number)[], message: string, kind?: ConfigProblemKind) => void;

/** The problems of one suppression entry, each at its path under the entry. */
function suppressionProblems(entry: unknown, at: Report, lookupRule: RuleLookup | undefined, ruleIds: readonly string[]): void {
  const s = entry as Record<string, unknown>;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return at([], 'a suppression must be an object { file, pointer, statement, rule }');
  let shape = true;
  for (const k of Object.keys(s)) {
    if (SUPPRESSION_KEYS.includes(k)) continue;
    at([k], `unknown suppression property "${k}"`);
    shape = false;
  }
  for (const k of SUPPRESSION_KEYS) {
    if (s[k] === undefined || typeof s[k] === 'string') continue;
    at([k], `suppression "${k}" must be a string`);
    shape = false;
  }
  if (typeof s.pointer === 'string' && s.pointer !== '' && !s.pointer.startsWith('/')) {
    at(['pointer'], 'a JSON Pointer starts with "/"');
    shape = false;
  }
  // What an entry could match is judged only of an entry whose shape is right.
  if (!shape) return;
  if (lookupRule && typeof s.rule === 'string' && !lookupRule(s.rule))
    at(['rule'], `unknown rule "${s.rule}" in a suppression; ${unknownRuleHint(s.rule, ruleIds)}`, 'semantic');
  if (typeof s.statement === 'string') {
    // An entry that names a statement's text hides only findings about a statement: for any
    // other rule, or under a pointer no statement is under, it would silently hide nothing.
    const rule = typeof s.rule === 'string' ? lookupRule?.(s.rule) : undefined;
    if (typeof s.rule === 'string' && rule && !rule.onStatements)
      at(['statement'], `rule "${s.rule}" never reports on a statement, so an entry that names a statement's text hides none of its findings: name the place with "pointer" alone`, 'semantic');
    if (typeof s.pointer === 'string' && !TOWARD_STATEMENT.test(s.pointer))
      at(['pointer'], `an entry that names a statement's text needs a "pointer" to a level ("/framework/levels/<level>") or a statement; "${s.pointer}" holds no statement, so the entry would hide nothing`, 'semantic');
  }
  const fileProblem = typeof s.file === 'string' ? globProblem(s.file) : undefined;
  if (fileProblem) at(['file'], `suppression "file": ${fileProblem}`, 'semantic');
}

/**
 * The text a problem at `path` is about: the property whose value is there (key to value), or the
 * value itself when no key names it. The last of a repeated key is taken, as JSON readers do.
 */
function placeOf(tree: Node | undefined, path: (string | number)[]): Range {
  const { node } = resolvePointer(tree, toPointer(path));
  if (!node) return { start: 0, end: 0 };
  return nodeRange(node.parent?.type === 'property' ? node.parent : node);
}

const unknownRule = (id: string, ruleIds: readonly string[]) => `unknown rule "${id}"; ${unknownRuleHint(id, ruleIds)}`;

/** A problem of one rule's setting, with where under the setting it is. */
export interface RuleSettingProblem {
  message: string;
  at: (string | number)[];
  kind: ConfigProblemKind;
}

/**
 * What is wrong with one rule's setting (`"warning"` or `["warning", { options }]`), each problem
 * with where under the setting it is. The config's `rules` and the editor's `competencyLint.rules`
 * are both checked with it, so that a typo the CLI refuses is not kept silently by the editor.
 * `lookupRule`, when given, also makes an unknown rule id and an unknown or mistyped option a problem;
 * `ruleIds` lets the message for an unknown id suggest the nearest one.
 */
export function ruleSettingProblems(id: string, setting: unknown, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): RuleSettingProblem[] {
  const rule = lookupRule?.(id);
  // An unknown id is the first thing to say; the shape of its setting is still checked, as the schema checks it.
  const problems: RuleSettingProblem[] = lookupRule && !rule ? [{ message: unknownRule(id, ruleIds), at: [], kind: 'semantic' }] : [];
  const sev = Array.isArray(setting) ? setting[0] : setting;
  if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) return [...problems, { message: `rule "${id}": severity must be one of ${SEVERITIES.join(', ')}, or [severity, options]`, at: [], kind: 'schema' }];
  if (!Array.isArray(setting) || setting.length < 2) return problems;
  const options: unknown = setting[1];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return [...problems, { message: `rule "${id}": options must be an object`, at: [], kind: 'schema' }];
  if (!rule) return problems;
  return optionsProblems(id, options as Record<string, unknown>, rule.options ?? []).map((p) => ({ message: p.message, at: [1, p.option], kind: 'semantic' }));
}

/** The first problem of one rule's setting, or undefined: what the editor's setting is refused for. */
export function ruleSettingProblem(id: string, setting: unknown, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): RuleSettingProblem | undefined {
  return ruleSettingProblems(id, setting, lookupRule, ruleIds)[0];
}

/** Each option the rule does not have, or whose value is not of the option's type or outside its range. */
function optionsProblems(id: string, given: Record<string, unknown>, options: readonly RuleOption[]): { option: string; message: string }[] {
  const problems: { option: string; message: string }[] = [];
  for (const [name, value] of Object.entries(given)) {
    const option = options.find((o) => o.name === name);
    if (!option) {
      const known = options.length ? `its options are ${options.map((o) => o.name).join(', ')}` : 'it has no options';
      problems.push({ option: name, message: `rule "${id}" has no option "${name}" (${known})` });
    } else if (!hasType(value, option.type)) {
      problems.push({ option: name, message: `rule "${id}": option "${name}" must be a ${option.type === 'string[]' ? 'list of strings' : option.type}` });
    } else {
      const range = typeof value === 'number' ? rangeProblem(value, option) : undefined;
      if (range) problems.push({ option: name, message: `rule "${id}": option "${name}" ${range}, found ${value}` });
    }
  }
  return problems;
}

/** How a number falls outside the option's range, in words ("must be from 0.5 to 1"), or undefined. */
function rangeProblem(value: number, option: RuleOption): string | undefined {
  const { min, max } = option;
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return undefined;
  if (min !== undefined && max !== undefined) return `must be from ${min} to ${max}`;
  return min !== undefined ? `must be at least ${min}` : `must be at most ${max}`;
}

function hasType(value: unknown, type: RuleOption['type']): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'string[]') return Array.isArray(value) && value.every((x) => typeof x === 'string');
  return typeof value === type;
}

/**
 * Each key written twice in one object of the config (at its second writing): JSON readers keep
 * the last value and drop the first without a word, so a second "rules" or "suppressions" silently
 * undid the first (the suppression quick fix appends to the last). The text's own key is read, so
 * that "__proto__", which the parsed object does not show, counts too. Walked with an explicit
 * stack, as every walk of a workspace's text is here.
 */
function repeatedKeys(root: Node): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        if (seen.has(name)) problems.push({ message: `"${name}" is written twice in this object; JSON keeps only the last, so merge the two`, range: nodeRange(property), kind: 'semantic' });
        seen.add(name);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return problems;
}
