/**
 * Tells progression from duplication. Two statements of one thread often differ in exactly the words
 * that make the higher one broader ("to internal stakeholders" / "to internal and external
 * stakeholders") or more autonomous ("under supervision" / "independently"); those are the
 * framework working as intended. A near pair is progression when a word that differs between the two
 * statements belongs to a scope phrase of the lexicon (autonomy, breadth, complexity, role, horizon,
 * or a leading verb) in either statement. Leading verbs count because the same object with another
 * verb is a step in the thread ("follow governance processes" / "develop governance processes",
 * "help identify" / "identify"); the lexicon only reads a verb as evidence where it leads a clause,
 * so a noun or an inserted adverb does not make a pair look like progression.
 */
import type { LexiconExtension } from '../../config/types';
import { scopeEvidence } from '../scope/lexicon';
import type { ScopeAxis, ScopeEvidence } from '../scope/types';
import { contentStems } from './tokens';

const SCOPE_AXES: ReadonlySet<ScopeAxis> = new Set<ScopeAxis>(['autonomy', 'breadth', 'complexity', 'role', 'horizon', 'verb']);

/** The scope phrases that differ between two statements: empty when they differ in nothing but content. */
export function scopeDifference(a: string, b: string, lexicon?: LexiconExtension): ScopeEvidence[] {
  const differing = symmetricDifference(contentStems(a), contentStems(b));
  if (differing.size === 0) return [];
  const out: ScopeEvidence[] = [];
  for (const e of [...scopeEvidence(a, lexicon), ...scopeEvidence(b, lexicon)]) {
    if (!SCOPE_AXES.has(e.axis)) continue;
    if (contentStems(e.phrase).some((w) => differing.has(w))) out.push(e);
  }
  return out;
}

/** The words whose counts differ between the two lists. */
function symmetricDifference(a: string[], b: string[]): Set<string> {
  const count = new Map<string, number>();
  for (const w of a) count.set(w, (count.get(w) ?? 0) + 1);
  for (const w of b) count.set(w, (count.get(w) ?? 0) - 1);
  const out = new Set<string>();
  for (const [w, n] of count) if (n !== 0) out.add(w);
  return out;
}
