/**
 * Checks a parsed config against the shape in schemas/competency-lint-config.schema.json, without
 * ajv so that the check stays cheap and its messages stay plain. Returns the first problem with
 * the offset it is at, found by re-walking the text with jsonc-parser.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { globProblem } from './globs';
import type { RuleOption } from '../rules/types';
import { LARGE_FILE_NOTICE } from '../limits';
import { unknownRuleHint } from './ruleNames';

/** What the check needs to know of a rule: that it exists, and its options. */
export type RuleLookup = (id: string) => { options?: readonly RuleOption[]; onStatements?: boolean } | undefined;

/** The pointers under which a statement can be: the whole document, the levels, one level, one statement. */
const TOWARD_STATEMENT = /^(\/framework(\/levels(\/[^/]+(\/statements(\/\d+)?)?)?)?)?$/;

/** The large-file notice (service.ts) is no rule, but a suppression may name it. */
const NOTICES = [LARGE_FILE_NOTICE];

export interface ConfigProblem {
  message: string;
  offset: number;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SUPPRESSION_KEYS = ['file', 'pointer', 'statement', 'rule'];
const KEYS = ['$schema', 'root', 'rules', 'levelOrder', 'files', 'ignore', 'suppressions', 'lexicon', 'maxFileSize'];

/**
 * `lookupRule`, when given, makes a rule id that no rule has a problem too, in `rules` and in a
 * suppression, and so are an option the rule does not have, an option of the wrong type and one
 * outside its range: a typo would otherwise silently do nothing, and the editor and CI would both
 * quietly ignore it. `ruleIds`, every rule's id, lets the message for an unknown id suggest the
 * nearest one.
 */
export function validateConfig(value: unknown, text: string, lookupRule?: RuleLookup, ruleIds: readonly string[] = []): ConfigProblem | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const at = (path: (string | number)[], message: string): ConfigProblem => {
    const node: Node | undefined = tree && findNodeAtLocation(tree, path);
    const offset = node ? (node.parent?.type === 'property' ? node.parent.offset : node.offset) : 0;
    return { message, offset };
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at([], 'the config must be a JSON object');
  const twice = tree && repeatedKey(tree);
  if (twice) return twice;
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!KEYS.includes(k)) return at([k], `unknown config property "${k}" (allowed: ${KEYS.join(', ')})`);
  if (v.root !== undefined && typeof v.root !== 'boolean') return at(['root'], '"root" must be true or false');
  if (v.rules !== undefined) {
    if (typeof v.rules !== 'object' || v.rules === null || Array.isArray(v.rules)) return at(['rules'], '"rules" must be an object of rule ids');
    // The ids as written: "__proto__" is a key of the text but not of the parsed object.
    const ids = tree ? (findNodeAtLocation(tree, ['rules'])?.children ?? []).map((p) => String(p.children?.[0]?.value)) : Object.keys(v.rules);
    for (const id of ids) {
      if (lookupRule && !Object.hasOwn(v.rules, id)) return at(['rules', id], unknownRule(id, ruleIds));
      const problem = ruleSettingProblem(id, (v.rules as Record<string, unknown>)[id], lookupRule, ruleIds);
      if (problem) return at(['rules', id, ...problem.at], problem.message);
    }
  }
  const stringArray = (x: unknown) => Array.isArray(x) && x.every((e) => typeof e === 'string');
  if (v.levelOrder !== undefined && !(stringArray(v.levelOrder) || (Array.isArray(v.levelOrder) && v.levelOrder.every(stringArray))))
    return at(['levelOrder'], '"levelOrder" must be an array of level names, or an array of such arrays');
  for (const k of ['files', 'ignore']) {
    if (v[k] === undefined) continue;
    if (!stringArray(v[k])) return at([k], `"${k}" must be an array of glob strings`);
    for (const [i, g] of (v[k] as string[]).entries()) {
      const problem = globProblem(g);
      if (problem) return at([k, i], `"${k}": ${problem}`);
    }
  }
  if (v.suppressions !== undefined) {
    if (!Array.isArray(v.suppressions)) return at(['suppressions'], '"suppressions" must be an array of { file, pointer, statement, rule }');
    for (let i = 0; i < v.suppressions.length; i++) {
      const s = v.suppressions[i] as Record<string, unknown>;
      if (typeof s !== 'object' || s === null || Array.isArray(s)) return at(['suppressions', i], 'a suppression must be an object { file, pointer, statement, rule }');
      for (const k of Object.keys(s)) if (!SUPPRESSION_KEYS.includes(k)) return at(['suppressions', i, k], `unknown suppression property "${k}"`);
      for (const k of SUPPRESSION_KEYS) if (s[k] !== undefined && typeof s[k] !== 'string') return at(['suppressions', i, k], `suppression "${k}" must be a string`);
      if (typeof s.pointer === 'string' && s.pointer !== '' && !s.pointer.startsWith('/')) return at(['suppressions', i, 'pointer'], 'a JSON Pointer starts with "/"');
      if (lookupRule && typeof s.rule === 'string' && !lookupRule(s.rule) && !NOTICES.includes(s.rule))
        return at(['suppressions', i, 'rule'], `unknown rule "${s.rule}" in a suppression; ${unknownRuleHint(s.rule, [...ruleIds, ...NOTICES])}`);
      if (typeof s.statement === 'string') {
        // An entry that names a statement's text hides only findings about a statement: for any
        // other rule, or under a pointer no statement is under, it would silently hide nothing.
        const rule = typeof s.rule === 'string' ? lookupRule?.(s.rule) : undefined;
        if (typeof s.rule === 'string' && (NOTICES.includes(s.rule) || (rule && !rule.onStatements)))
          return at(['suppressions', i, 'statement'], `rule "${s.rule}" never reports on a statement, so an entry that names a statement's text hides none of its findings: name the place with "pointer" alone`);
        if (typeof s.pointer === 'string' && !TOWARD_STATEMENT.test(s.pointer))
          return at(['suppressions', i, 'pointer'], `an entry that names a statement's text needs a "pointer" to a level ("/framework/levels/<level>") or a statement; "${s.pointer}" holds no statement, so the entry would hide nothing`);
      }
      const fileProblem = typeof s.file === 'string' ? globProblem(s.file) : undefined;
      if (fileProblem) return at(['suppressions', i, 'file'], `suppression "file": ${fileProblem}`);
    }
  }
  if (v.maxFileSize !== undefined && (typeof v.maxFileSize !== 'number' || !(v.maxFileSize > 0))) return at(['maxFileSize'], '"maxFileSize" must be a positive number of bytes');
  if (v.lexicon !== undefined) {
    const lx = v.lexicon as Record<string, unknown>;
    if (typeof lx !== 'object' || lx === null || Array.isArray(lx)) return at(['lexicon'], '"lexicon" must be an object');
    if (lx.phrases !== undefined) {
      if (!Array.isArray(lx.phrases)) return at(['lexicon', 'phrases'], '"lexicon.phrases" must be an array');
      for (let i = 0; i < lx.phrases.length; i++) {
        const p = lx.phrases[i] as Record<string, unknown>;
        if (typeof p?.phrase !== 'string' || typeof p?.axis !== 'string' || typeof p?.level !== 'number')
          return at(['lexicon', 'phrases', i], 'a lexicon phrase is { "phrase": string, "axis": string, "level": number }');
      }
    }
  }
  return undefined;
}

const unknownRule = (id: string, ruleIds: readonly string[]) => `unknown rule "${id}"; ${unknownRuleHint(id, ruleIds)}`;

/**
 * What is wrong with one rule's setting (`"warning"` or `["warning", { options }]`), with where
 * under the setting it is, or undefined. The config's `rules` and the editor's `competencyLint.rules`
 * are both checked with it, so that a typo the CLI refuses is not kept silently by the editor.
 * `lookupRule`, when given, also makes an unknown rule id and an unknown or mistyped option a problem;
 * `ruleIds` lets the message for an unknown id suggest the nearest one.
 */
export function ruleSettingProblem(
  id: string,
  setting: unknown,
  lookupRule?: RuleLookup,
  ruleIds: readonly string[] = [],
): { message: string; at: (string | number)[] } | undefined {
  const rule = lookupRule?.(id);
  if (lookupRule && !rule) return { message: unknownRule(id, ruleIds), at: [] };
  const sev = Array.isArray(setting) ? setting[0] : setting;
  if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) return { message: `rule "${id}": severity must be one of ${SEVERITIES.join(', ')}, or [severity, options]`, at: [] };
  if (!Array.isArray(setting) || setting.length < 2) return undefined;
  const options: unknown = setting[1];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return { message: `rule "${id}": options must be an object`, at: [] };
  const problem = rule ? optionsProblem(id, options as Record<string, unknown>, rule.options ?? []) : undefined;
  return problem ? { message: problem.message, at: [1, problem.option] } : undefined;
}

/** An option the rule does not have, or one whose value is not of the option's type. */
function optionsProblem(id: string, given: Record<string, unknown>, options: readonly RuleOption[]): { option: string; message: string } | undefined {
  for (const [name, value] of Object.entries(given)) {
    const option = options.find((o) => o.name === name);
    if (!option) {
      const known = options.length ? `its options are ${options.map((o) => o.name).join(', ')}` : 'it has no options';
      return { option: name, message: `rule "${id}" has no option "${name}" (${known})` };
    }
    if (!hasType(value, option.type)) return { option: name, message: `rule "${id}": option "${name}" must be a ${option.type === 'string[]' ? 'list of strings' : option.type}` };
    const range = typeof value === 'number' ? rangeProblem(value, option) : undefined;
    if (range) return { option: name, message: `rule "${id}": option "${name}" ${range}, found ${value}` };
  }
  return undefined;
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
 * A key written twice in one object of the config: JSON readers keep the last value and drop the
 * first without a word, so a second "rules" or "suppressions" silently undid the first (the
 * suppression quick fix appends to the last). Found with an explicit stack: a config comes with a
 * workspace, and its nesting is not ours to bound.
 */
function repeatedKey(root: Node): ConfigProblem | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        if (seen.has(name)) return { message: `"${name}" is written twice in this object; JSON keeps only the last, so merge the two`, offset: key.offset };
        seen.add(name);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return undefined;
}
