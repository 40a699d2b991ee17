/**
 * Reports a statement that repeats an earlier one once case, spacing, punctuation, dash style,
 * Unicode form and a final period are set aside. The first copy in document order stays quiet;
 * every later copy is reported once, pointing at all the others.
 */
import { EXACT_HASHES, exactDuplicates, exactHashes, nameList, statementName } from '../analysis/duplicates/index';
import { duplicateGroups, keyHashes, statementsWithKey } from '../analysis/duplicates/exact';
import { keyHash } from '../analysis/duplicates/keyHash';
import { exactKey } from '../analysis/duplicates/normalise';
import { removeStatementFix } from '../analysis/duplicates/removeStatement';
import type { Level, Statement } from '../model/types';
import type { RelatedLocation } from '../types';
import type { Rule, RuleContext } from './types';
import { quietMembers } from '../analysis/duplicates/placeholders';

/** A pathological file can repeat one statement thousands of times; the editor needs only some pointers. */
export const MAX_RELATED = 20;

export const duplicateExact: Rule = {
  id: 'duplicate-exact',
  category: 'duplicate',
  defaultSeverity: 'warning',
  onStatements: true,
  description: 'A statement repeats another one of the framework, apart from case, spacing, punctuation or a final period.',
  fixable: 'review',
  // A hash per statement and one map: linear, so it still runs on documents too large for the full analysis.
  cheap: true,
  afterStatementEdit(ctx, { before, after, previousShared }) {
    // Only two groups can change: the one the statement left and the one it joined (the same one
    // when only case or punctuation changed, which can still change the message).
    const statements = ctx.model.statements;
    const hashes = previousShared.peek<Int32Array>(EXACT_HASHES) ?? keyHashes(statements);
    const oldKey = exactKey(before.text);
    const newKey = exactKey(after.text);
    // The previous version is given up to the edit, so its array is updated in place.
    hashes[after.ordinal] = keyHash(newKey);
    ctx.shared.set(EXACT_HASHES, hashes);
    const keyOf = (s: Statement) => (s === after ? newKey : exactKey(s.text));
    const left = oldKey === newKey ? [] : statementsWithKey(statements, hashes, oldKey, keyOf);
    const joined = statementsWithKey(statements, hashes, newKey, keyOf);
    reportGroup(ctx, left);
    reportGroup(ctx, joined);
    return [...left, ...joined, after];
  },
  check(ctx) {
    const statements = ctx.model.statements;
    // When the near-duplicate search runs, it groups every statement by key anyway (reading each
    // statement's content words in the same pass), and those groups are these: hashing every
    // statement first was a second pass over the text for nothing. Otherwise (a document too large
    // for the full analysis, or the near rule turned off) statements are grouped by hash alone,
    // without the content words that only the near search needs.
    if (!ctx.limited && ctx.config.rules['duplicate-near']?.severity !== 'off') {
      for (const group of exactDuplicates(ctx.shared, statements).groups) reportGroup(ctx, group.members);
      return;
    }
    for (const members of duplicateGroups(statements, exactHashes(ctx.shared, statements))) reportGroup(ctx, members);
  },
};

/**
 * Reports every copy of one group but the first, each pointing at the others. A placeholder that
 * repeats nothing (a level's only word, or the first placeholder on a topic in its level:
 * placeholders.ts) is not reported; where a group has one, it is the original, and every other
 * member is reported as its copy (a "not defined" pasted among a level's real statements).
 * Placeholders are looked for only among statements in a group.
 */
function reportGroup(ctx: RuleContext, members: readonly Statement[]): void {
  if (members.length < 2) return;
  const quiet = quietMembers(members, ctx.model.levels);
  // Whole-group facts, computed once: a statement repeated thousands of times must not cost a
  // pass over its copies for each copy.
  const verbatim = members.every((o) => o.text === members[0].text);
  const oneLevel = members.every((o) => o.levelIndex === members[0].levelIndex);
  const original = quiet ? members[quiet.indexOf(true)] : members[0];
  for (let i = quiet ? 0 : 1; i < members.length; i++) {
    if (quiet?.[i]) continue;
    const s = members[i];
    const shown = firstOthers(members, i, MAX_RELATED);
    const message =
      `Same statement as ${nameList(shown, ctx.model.levels, 3, members.length - 1)}` +
      (verbatim ? '' : ' (apart from case, spacing or punctuation)') +
      // Within one level a copy adds nothing; across levels it may be a statement meant to grow
      // that was copied and never reworded.
      (oneLevel
        ? ': the statement is repeated in the same level. Remove this copy, or reword it to say what it was meant to add.'
        : ': the statement is repeated in another level. Remove this copy, or reword it if the levels expect different things.');
    ctx.report({
      message,
      pointer: s.pointer,
      range: s.range,
      related: shown.map((o) => related(o, s, ctx.model.levels)),
      fix: removeStatementFix(ctx.model, s, `Remove this copy of ${statementName(original, ctx.model.levels)}`),
    });
  }
}

/** Up to `max` members other than the one at `skip`, in document order. */
function firstOthers(members: readonly Statement[], skip: number, max: number): Statement[] {
  const out: Statement[] = [];
  for (let i = 0; i < members.length && out.length < max; i++) if (i !== skip) out.push(members[i]);
  return out;
}

function related(other: Statement, s: Statement, levels: readonly Level[]): RelatedLocation {
  return { pointer: other.pointer, range: other.range, message: `The same statement at ${statementName(other, levels)} (this is ${statementName(s, levels)}).` };
}
