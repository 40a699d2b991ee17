/**
 * What two near-duplicate statements differ in, in the words the author wrote, for the message:
 * "differs: 'clearly' added". A longest-common-subsequence over the canonical words keeps the
 * words that are only in one of the two, in order; statements are short, so the quadratic table is
 * small, and it is only built for the pairs that are reported.
 */
import { words } from './normalise';
import { isStopword, stem } from './tokens';

export interface WordDiff {
  /** Words of the first text that the second does not have (in the first's order). */
  onlyInFirst: string[];
  /** Words of the second text that the first does not have. */
  onlyInSecond: string[];
}

export function wordDiff(first: string, second: string): WordDiff {
  const a = words(first);
  const b = words(second);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const onlyInFirst: string[] = [];
  const onlyInSecond: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) onlyInFirst.push(a[i++]);
    else onlyInSecond.push(b[j++]);
  }
  while (i < n) onlyInFirst.push(a[i++]);
  while (j < m) onlyInSecond.push(b[j++]);
  return { onlyInFirst, onlyInSecond };
}

const MAX_WORDS = 4;

function quoteList(ws: string[]): string {
  const shown = ws.slice(0, MAX_WORDS).map((x) => `'${x}'`).join(', ');
  return ws.length > MAX_WORDS ? `${shown} and ${ws.length - MAX_WORDS} more` : shown;
}

/**
 * The difference of `here` from `there` in a few words: "'clearly' added", "'interfaces' left out",
 * "'repair' here, 'fix' there", or "word order" when the words are the same.
 */
export function describeDifference(here: string, there: string): string {
  const d = wordDiff(here, there);
  // The same words in another order show up as words on both sides; say so plainly.
  if (sameMultiset(d.onlyInFirst, d.onlyInSecond)) return 'word order';
  // Function words that moved or changed ("and", "the") are noise next to a changed content word.
  let added = d.onlyInFirst.filter((w) => !isStopword(w));
  let missing = d.onlyInSecond.filter((w) => !isStopword(w));
  // A content word on both sides, moved ("data maturity improvement plans" / "improve data
  // maturity") or inflected ("improvement" / "improve"), is one word to the rule, which compares
  // stems whatever their order: naming it would say the statements differ where they agree. It is
  // left out when something else differs; when nothing else does, the moved words are the difference.
  const shared = withoutSharedStems(added, missing);
  if (shared.added.length + shared.missing.length > 0) ({ added, missing } = shared);
  if (sameMultiset(added, missing)) {
    added = d.onlyInFirst;
    missing = d.onlyInSecond;
  }
  if (added.length > 0 && missing.length > 0) return `${quoteList(added)} here, ${quoteList(missing)} there`;
  if (added.length > 0) return `${quoteList(added)} added`;
  return `${quoteList(missing)} left out`;
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, k) => v === y[k]);
}

/** The two lists without the words that have the same stem as a word of the other list, pair by pair. */
function withoutSharedStems(added: string[], missing: string[]): { added: string[]; missing: string[] } {
  const left = missing.map(stem);
  const keptAdded: string[] = [];
  for (const w of added) {
    const k = left.indexOf(stem(w));
    if (k === -1) keptAdded.push(w);
    else left[k] = '';
  }
  return { added: keptAdded, missing: missing.filter((_, k) => left[k] !== '') };
}
