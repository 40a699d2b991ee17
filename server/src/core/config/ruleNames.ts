/**
 * What to tell someone who wrote a rule id that no rule has: the id they most likely meant, or
 * where the rules are listed. The list is a web page, since an installed copy of the linter has no
 * docs/ folder to point at.
 */

export const RULES_INDEX_URL = 'https://github.com/competency-lint/competency-lint/tree/main/docs/rules';

/** Longer ids are not compared: a config comes with a workspace, and its ids are not ours to bound. */
const MAX_COMPARED = 64;

/**
 * The ids close to `id`: the nearest of those a few edits away (a typo, two letters swapped, one
 * word misspelt), or, failing that, those that `id` names a part of ("outlier" for
 * "scope-outlier"). At most three.
 */
export function closeRuleIds(id: string, ids: readonly string[]): string[] {
  const wanted = id.trim().toLowerCase();
  // No rule id is this long; and the distance costs the product of the lengths.
  if (wanted === '' || wanted.length > MAX_COMPARED) return [];
  // One edit in four characters is still the same word to a reader; "nope" is not "topic-gap".
  const allowed = Math.max(1, Math.floor(wanted.length / 4));
  // Lengths further apart than the allowed edits cannot be within them: skipped before the distance,
  // which a config buffer checked at every keystroke pays per unknown id and rule.
  const near = ids
    .filter((candidate) => Math.abs(candidate.length - wanted.length) <= allowed)
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .filter((c) => c.distance <= allowed);
  const best = Math.min(...near.map((c) => c.distance));
  if (near.length > 0) return near.filter((c) => c.distance === best).slice(0, 3).map((c) => c.candidate);
  if (wanted.length < 3) return [];
  return ids.filter((candidate) => candidate.split('-').join(' ').includes(wanted.split('-').join(' '))).slice(0, 3);
}

/** "did you mean "scope-outlier"?", or where the rules are listed when nothing is close. */
export function unknownRuleHint(id: string, ids: readonly string[]): string {
  const close = closeRuleIds(id, ids).map((c) => `"${c}"`);
  if (close.length === 0) return `the rules are listed at ${RULES_INDEX_URL}`;
  return `did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close[close.length - 1]}`}?`;
}

/** Edits (insert, delete, replace, swap two neighbours) from one text to the other. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}
