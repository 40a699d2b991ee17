/**
 * The façade of the analysis core: text and a resolved config in, the parse, the model and the
 * findings out. The CLI and the language server reach the core only through this file, which is
 * how they give the same findings for the same file and config.
 */
import { parseDocument, type ParsedDocument } from './parse/parse';
import { buildModel } from './model/build';
import type { FrameworkModel } from './model/types';
import { EMPTY_CONFIG, type ResolvedConfig } from './config/types';
import { REFERENCE, type ReferenceData } from './data/reference';
import { SharedAnalysis } from './analysis/shared';
import { LARGE_FILE_NOTICE, LARGE_FILE_SETTING, RULES } from './rules/index';
import type { Report, Rule, RuleContext } from './rules/types';
import type { Finding, Severity } from './types';
import { CHEAP_CHECKS, DEFAULT_MAX_FILE_SIZE, maxFileSize, sizeAgainstLimit } from './limits';
import { exactKey } from './analysis/duplicates/normalise';
import { unescapeSegment } from './parse/pointer';

export { DEFAULT_MAX_FILE_SIZE };

export interface AnalyseOptions {
  config?: ResolvedConfig;
  reference?: ReferenceData;
  /** Rules to run instead of the registry (tests use this to run one rule alone). */
  rules?: readonly Rule[];
}

export interface AnalysisResult {
  doc: ParsedDocument;
  model: FrameworkModel;
  findings: Finding[];
  /** The shared analyses computed for this document (duplicates, scope), reusable by hovers. */
  shared: SharedAnalysis;
  /** True when the document was too large and only the cheap rules ran. */
  limited: boolean;
  /** The text's size in UTF-8 bytes, when deciding `limited` took measuring it (limits.ts). */
  bytes?: number;
  /** The config and rules it was analysed with, which an edit's re-analysis must share (incremental.ts). */
  config: ResolvedConfig;
  rules: readonly Rule[];
  /** True when this result was updated from the previous version's instead of computed afresh. */
  incremental?: boolean;
}

export function analyse(text: string, options: AnalyseOptions = {}): AnalysisResult {
  const config = options.config ?? EMPTY_CONFIG;
  const reference = options.reference ?? REFERENCE;
  const doc = parseDocument(text);
  const model = buildModel(doc.root, doc.text);
  const shared = new SharedAnalysis();
  const rules = options.rules ?? RULES;
  const { limited, bytes } = sizeAgainstLimit(text, config);
  const findings: Finding[] = [];

  for (const rule of activeRules(rules, config, limited)) {
    const ctx = ruleContext(rule, { doc, model, config, reference, shared, limited }, findings);
    try {
      rule.check(ctx);
    } catch (err) {
      findings.push(internalError(rule, err));
    }
  }

  // The notice's severity is set, or the notice turned off, under its id in `rules` (LARGE_FILE_SETTING).
  const notice = config.rules[LARGE_FILE_NOTICE]?.severity ?? LARGE_FILE_SETTING.defaultSeverity;
  if (limited && notice !== 'off') {
    findings.push({
      ruleId: LARGE_FILE_NOTICE,
      category: LARGE_FILE_SETTING.category,
      severity: notice,
      message: `This document is larger than ${sizeInWords(maxFileSize(config))}, so only the cheap checks ran (${CHEAP_CHECKS}). Raise "maxFileSize" in .competency-lint.json to analyse it fully.`,
      pointer: '',
      range: { start: 0, end: 0 },
    });
  }

  const texts = statementTexts(model);
  const kept = findings.filter((f) => !isSuppressed(f, config, texts));
  kept.sort(compareFindings);
  return { doc, model, findings: kept, shared, limited, ...(bytes === undefined ? {} : { bytes }), config, rules };
}

/** The rules that run, in order: not turned off, and cheap when the document is limited. */
export function activeRules(rules: readonly Rule[], config: ResolvedConfig, limited: boolean): Rule[] {
  return rules.filter((rule) => (!limited || rule.cheap) && config.rules[rule.id]?.severity !== 'off');
}

type Inputs = Pick<RuleContext, 'doc' | 'model' | 'config' | 'reference' | 'shared' | 'limited'>;

/** What one rule sees; what it reports goes into `findings` with the configured severity. */
export function ruleContext(rule: Rule, inputs: Inputs, findings: Finding[]): RuleContext {
  const setting = inputs.config.rules[rule.id];
  const configured = setting?.severity as Severity | undefined;
  // Written out rather than spread: a spread of `inputs` for every rule of every file showed as 8%
  // of a CLI run over 1,000 small files.
  return {
    doc: inputs.doc,
    model: inputs.model,
    config: inputs.config,
    reference: inputs.reference,
    shared: inputs.shared,
    limited: inputs.limited,
    options: setting?.options ?? {},
    report: (r: Report) => findings.push(toFinding(rule, r, configured)),
  };
}

/** A rule's bug must not take the editor down; it is reported where the user will see it. */
export function internalError(rule: Rule, err: unknown): Finding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: 'error',
    message: `Internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}. Please report it.`,
    pointer: '',
    range: { start: 0, end: 0 },
  };
}

/** Document order, then the shorter range, then the rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}

/** A size as a reader would say it: "1 MB", "1.5 MB", "200 KB", "1,000 bytes". */
export function sizeInWords(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 10 * 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes.toLocaleString('en-US')} bytes`;
}

function toFinding(rule: Rule, r: Report, configured: Severity | undefined): Finding {
  const f: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: configured ?? r.severity ?? rule.defaultSeverity,
    message: r.message,
    pointer: r.pointer,
    range: r.range,
  };
  if (r.related && r.related.length > 0) f.related = r.related;
  if (r.fix) f.fix = r.fix;
  return f;
}

/**
 * Whether the config hides a finding. A suppression that names a statement's text needs
 * `statementText` (the text of the statement a pointer designates, from the model); without it
 * such a suppression hides nothing. Texts are compared as duplicate-exact compares statements
 * (case, spacing and punctuation aside, and past a leading list marker: exactKey), so that a
 * fix of a statement's dash, spacing, final period or list marker, by hand or by --fix, keeps its
 * suppressions, while a change of its words does not.
 */
export function isSuppressed(f: Finding, config: ResolvedConfig, statementText?: (pointer: string) => string | undefined): boolean {
  // The finding's statement key, computed once and only when an entry names a text.
  let key: string | undefined | null = null;
  const findingKey = () => {
    if (key === null) {
      const text = statementText?.(f.pointer);
      key = text === undefined ? undefined : exactKey(text);
    }
    return key;
  };
  return config.suppressions.some(
    (s) =>
      (s.rule === undefined || s.rule === f.ruleId) &&
      (s.pointer === undefined || f.pointer === s.pointer || f.pointer.startsWith(s.pointer + '/')) &&
      (s.statement === undefined || findingKey() === suppressionKey(s.statement)),
  );
}

/** The statement keys of the texts suppressions name, by text: a config holds a handful. */
const suppressionKeys = new Map<string, string>();

/** The key of a text a suppression names (memoised, bounded). */
export function suppressionKey(text: string): string {
  let key = suppressionKeys.get(text);
  if (key === undefined) {
    if (suppressionKeys.size >= 10_000) suppressionKeys.clear();
    key = exactKey(text);
    suppressionKeys.set(text, key);
  }
  return key;
}

/**
 * The text of the statement a pointer designates, for suppressions that name statements by their
 * text: the level by its key, then the statement by its index, without a map of every statement
 * (131,000 of them at 20 MB).
 */
export function statementTexts(model: FrameworkModel): (pointer: string) => string | undefined {
  return (pointer) => {
    const m = STATEMENT_POINTER.exec(pointer);
    if (!m) return undefined;
    const key = m[1].includes('~') ? unescapeSegment(m[1]) : m[1];
    const index = Number(m[2]);
    const level = model.levels.find((l) => l.key === key);
    return level?.statements.find((st) => st.index === index)?.text;
  };
}

const STATEMENT_POINTER = /^\/framework\/levels\/([^/]*)\/statements\/(\d+)$/;
