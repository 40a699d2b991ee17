/**
 * Level vocabularies seen in real frameworks (docs/FORMAT.md), each ordered from least to most
 * proficient. A document's levels are matched against them by key or by label, so that an order that
 * breaks a known vocabulary can be reported and completions can offer the missing levels.
 */
export interface LevelVocabulary {
  name: string;
  levels: string[];
}

export const KNOWN_VOCABULARIES: LevelVocabulary[] = [
  { name: 'competency-lint export', levels: ['emerging', 'developing', 'proficient', 'advanced'] },
  { name: 'UK DDaT / DIRECT', levels: ['awareness', 'working', 'practitioner', 'expert'] },
  { name: 'Dreyfus', levels: ['novice', 'advanced beginner', 'competent', 'proficient', 'expert'] },
  { name: 'NIH proficiency scale', levels: ['fundamental awareness', 'novice', 'intermediate', 'advanced', 'expert'] },
  { name: 'SFIA', levels: ['level 1', 'level 2', 'level 3', 'level 4', 'level 5', 'level 6', 'level 7'] },
  { name: 'EQF', levels: ['level 1', 'level 2', 'level 3', 'level 4', 'level 5', 'level 6', 'level 7', 'level 8'] },
];

/** Level names compare without case, punctuation or a separator style: "Advanced-Beginner" is "advanced beginner". */
export function normaliseLevelName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^(sfia|eqf) /, '')
    .replace(/^l(?:evel)? ?(\d+)$/, 'level $1')
    .replace(/^(\d+)$/, 'level $1')
    .trim();
}

export interface VocabularyMatch {
  vocabulary: LevelVocabulary;
  /** For each document level in document order, its rank in the vocabulary. */
  ranks: number[];
}

/**
 * The vocabulary that names every given level (config-provided orders first), or undefined. Among
 * several (Dreyfus and NIH share names), the one that puts the names in increasing order wins.
 */
export function matchVocabulary(names: string[], extra: string[][] = []): VocabularyMatch | undefined {
  if (names.length === 0) return undefined;
  const normalised = names.map(normaliseLevelName);
  const candidates: LevelVocabulary[] = [
    ...extra.map((levels, i) => ({ name: `configured order ${i + 1}`, levels: levels.map(normaliseLevelName) })),
    ...KNOWN_VOCABULARIES,
  ];
  let best: VocabularyMatch | undefined;
  for (const vocabulary of candidates) {
    const ranks = normalised.map((n) => vocabulary.levels.indexOf(n));
    if (ranks.some((r) => r < 0) || new Set(ranks).size !== ranks.length) continue;
    const match = { vocabulary, ranks };
    if (!best) best = match;
    if (ranks.every((r, i) => i === 0 || r > ranks[i - 1])) return match;
  }
  return best;
}
