/**
 * The editor's incremental path: a new version of a document whose only change since the previous
 * analysis lies inside one statement's text is analysed by updating the previous result instead of
 * parsing and checking the whole document again. It serves the documents too large for the full
 * analysis (above `maxFileSize`), where only the cheap rules run and a keystroke in a 20 MB
 * framework would otherwise cost a re-parse of 20 MB.
 *
 * The result is the one `analyse` gives for the new text (a property test holds the two equal over
 * random edits); whenever that cannot be guaranteed cheaply, `analyse` runs instead. The previous
 * result is given up: its tree and model are updated in place, so the caller must not use it again.
 */
import { REFERENCE } from './data/reference';
import { exactKey } from './analysis/duplicates/normalise';
import { SharedAnalysis } from './analysis/shared';
import { moveTree } from './parse/moveTree';
import { moveModel, moveRange, offsetMap, type OffsetMap } from './model/moveModel';
import type { Statement } from './model/types';
import type { Rule, StatementEditCheck } from './rules/types';
import {
  activeRules,
  analyse,
  compareFindings,
  isSuppressed,
  ruleContext,
  statementTexts,
  suppressionKey,
  type AnalyseOptions,
  type AnalysisResult,
} from './service';
import type { Finding, TextEdit } from './types';
import type { ResolvedConfig } from './config/types';
import { sizeAfterEdit, sizeAgainstLimit } from './limits';

/** Analyses `text`, which is the previous result's text with `edit` applied: incrementally when it can. */
export function analyseEdit(previous: AnalysisResult, edit: TextEdit, text: string, options: AnalyseOptions = {}): AnalysisResult {
  return updateForEdit(previous, edit, text, options) ?? analyse(text, options);
}

/**
 * The previous result updated for the edit, or undefined when the edit needs a full analysis (the
 * caller then lets the previous result go before it analyses, so that a large document's two
 * analyses are not in memory together).
 */
export function updateForEdit(previous: AnalysisResult, edit: TextEdit, text: string, options: AnalyseOptions): AnalysisResult | undefined {
  const config = options.config ?? previous.config;
  const rules = options.rules ?? previous.rules;
  if (!previous.limited || rules !== previous.rules || !sameConfig(previous.config, config)) return undefined;
  const known = previous.bytes === undefined ? undefined : sizeAfterEdit(previous.bytes, previous.doc.text, text, edit);
  const { limited, bytes } = sizeAgainstLimit(text, config, known);
  if (!limited) return undefined;
  const statement = editedStatement(previous, edit, text);
  if (!statement) return undefined;
  const active = activeRules(rules, config, true);
  const checks = new Map<Rule, StatementEditCheck>();
  for (const rule of active) {
    if (!rule.afterStatementEdit) return undefined;
    if (rule.afterStatementEdit !== 'moves') checks.set(rule, rule.afterStatementEdit);
  }

  // A suppression that names a statement's text can start or stop applying to the edited statement's
  // findings of every rule, including those the update keeps as they were: when one names the
  // statement's text before or after the edit, the full analysis decides. Other statements keep
  // their texts, and their fresh findings are checked against such suppressions below.
  if (namesEditedStatement(config, statement.text, editedText(statement, edit))) return undefined;

  // From here on the previous result is changed in place.
  const delta = edit.newText.length - (edit.end - edit.start);
  const map = offsetMap(edit.start, edit.end, delta);
  const { doc: old, model } = previous;
  const literal = model.levels[statement.levelIndex].statementsField!.node.children![statement.index];
  // The edited statement is replaced, not moved, so it stays as it was: the edit's "before".
  const before = statement;
  const value = editedText(statement, edit);
  const moved = previous.findings.map((f) => moveFinding(f, map));
  moveTree(old.root!, literal, value, delta);
  const after = moveModel(model, statement, literal, map);
  const doc = {
    text,
    lines: old.lines.withEdit(text, edit.start, delta),
    root: old.root,
    problems: old.problems.map((p) => ({ message: p.message, range: moveRange(p.range, map) })),
  };

  const shared = new SharedAnalysis();
  const reference = options.reference ?? REFERENCE;
  // The model, updated in place for the edit.
  const texts = statementTexts(model);
  const fresh: Finding[] = [];
  const replaced = new Map<string, Set<string>>();
  for (const [rule, check] of checks) {
    const found: Finding[] = [];
    const ctx = ruleContext(rule, { doc, model, config, reference, shared, limited: true }, found);
    let affected: readonly Statement[] | undefined;
    try {
      affected = check(ctx, { before, after, previousShared: previous.shared });
    } catch {
      // The full analysis runs the rule again and reports its error where the user will see it.
      return undefined;
    }
    if (!affected) return undefined;
    replaced.set(rule.id, new Set(affected.map((s) => s.pointer)));
    fresh.push(...found.filter((f) => !isSuppressed(f, config, texts)));
  }

  const findings = moved.filter((f) => !replaced.get(f.ruleId)?.has(f.pointer));
  findings.push(...fresh);
  findings.sort(compareFindings);
  return { doc, model, findings, shared, limited: true, ...(bytes === undefined ? {} : { bytes }), config, rules, incremental: true };
}

/**
 * The statement whose text the edit changes, when it changes nothing else: the edit lies inside
 * the statement's literal, which holds no escapes and no syntax problem, and neither the text it
 * removes nor the text it adds holds a quote, a backslash or a control character, so the literal
 * stays one literal and every token of the document stays as it was.
 */
function editedStatement(previous: AnalysisResult, edit: TextEdit, text: string): Statement | undefined {
  // The new text is not read here: it is usually a rope of the old one and the edit (V8 joins strings
  // lazily), and reading it would copy all of it, which costs more at 20 MB than the whole update.
  const delta = edit.newText.length - (edit.end - edit.start);
  if (edit.end < edit.start || text.length !== previous.doc.text.length + delta || !plain(edit.newText)) return undefined;
  const s = previous.model.statements.find((st) => {
    // A statement makes its range when asked (model/build.ts): once per statement here.
    const r = st.range;
    return r.start < edit.start && edit.end < r.end;
  });
  if (!s || !s.verbatim || !previous.doc.root) return undefined;
  const node = previous.model.levels[s.levelIndex]?.statementsField?.node.children?.[s.index];
  if (!node || node.offset !== s.range.start || node.offset + node.length !== s.range.end) return undefined;
  // A verbatim literal's text is its value, so the removed characters are read from the statement.
  if (!plain(s.text.slice(edit.start - s.range.start - 1, edit.end - s.range.start - 1))) return undefined;
  if (previous.doc.problems.some((p) => p.range.start < s.range.end && s.range.start < p.range.end)) return undefined;
  return s;
}

/** No quote, backslash or control character: text that cannot end a string literal or start an escape. */
function plain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

function sameConfig(a: AnalysisResult['config'], b: AnalysisResult['config']): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function moveFinding(f: Finding, map: OffsetMap): Finding {
  const moved: Finding = { ...f, range: moveRange(f.range, map) };
  if (f.related) moved.related = f.related.map((r) => ({ ...r, range: moveRange(r.range, map) }));
  if (f.fix) moved.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: map(e.start), end: map(e.end) })) };
  return moved;
}

/** The statement's text once the edit (which lies inside its literal) is applied. */
function editedText(statement: Statement, edit: TextEdit): string {
  const from = edit.start - statement.range.start - 1;
  return statement.text.slice(0, from) + edit.newText + statement.text.slice(from + edit.end - edit.start);
}

/** Whether a suppression of the config names either text (as isSuppressed compares them). */
function namesEditedStatement(config: ResolvedConfig, before: string, after: string): boolean {
  const named = config.suppressions.filter((s) => s.statement !== undefined);
  if (named.length === 0) return false;
  const keys = new Set([exactKey(before), exactKey(after)]);
  return named.some((s) => keys.has(suppressionKey(s.statement!)));
}
