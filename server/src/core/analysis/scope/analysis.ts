/**
 * The scope analysis of one document: every statement's profile, each level's summary, the threads
 * that carry a topic from level to level, and the judgements the scope rules report. It is computed
 * once per document (`scopeAnalysis(ctx)`) and shared by the five scope rules, `explain` and hovers.
 *
 * A statement is judged against its own document, not against a fixed scale alone: frameworks differ
 * in how they word every level, so the lexicon's absolute reading is blended with where the
 * statement sits among the document's levels (how its profile compares with each level's centroid,
 * and which level holds the statements that share its content words).
 */
import type { ResolvedConfig } from '../../config/types';
import type { FrameworkModel, Level, Statement } from '../../model/types';
import { matchVocabulary } from '../../model/vocabularies';
import { distinctLevelName } from '../../model/levelName';
import type { SharedAnalysis } from '../shared';
import { profileText, type StatementProfile } from './profile';
import { contentStemIds, contentStems, tokenise } from './tokens';
import { LocalIds, rarestFirst } from '../wordIds';
import { findKinship, kinshipWords, type Kinship, type KinshipWords } from './kinship';
import { makeEvidence, type ScopeEvidence } from './types';
import { findThreads, type Thread } from './threads';
import { sameTopic } from '../../model/statementParts';
import { similarityIndex, type Neighbour, type SimilarityIndex } from './similarity';
import { isPlaceholder } from './placeholder';
import { readsAsEnglish } from './language';
import { findRegisterBreaks, statementRegister, type RegisterBreak, type StatementRegister } from './register';

export interface StatementScope {
  statement: Statement;
  /** Rank of its level in the order of proficiency (0 = lowest). */
  rank: number;
  /** The profile, with evidence offsets relative to the statement's whole text. */
  profile: StatementProfile;
  /** Where the evidence alone places the statement, as a rank (fractional), when there is evidence. */
  lexiconRank: number | undefined;
  /** The combined estimate of the statement's rank, with the document's own levels as reference. */
  estimate: number | undefined;
  /** The rank of the level whose statements share most content with this one, when any does clearly. */
  contentRank: number | undefined;
  /**
   * The statements that share its content words (at least TUNING.contentMin similar), most similar
   * first, by index in `statements`: the content signal's sources, which findings point at.
   */
  similar: Neighbour[] | undefined;
  /**
   * The statement's reading on its own (lexicon and content, without the presumption that it sits
   * where it is), as a rank; the level summaries average it.
   */
  standalone: number | undefined;
  /** How far the estimate is from where the statement sits, in levels (positive: reads higher). */
  offset: number;
  /** The id of the thread the statement belongs to, if any. */
  thread?: number;
  /**
   * For a statement of the lowest or highest level: its distinctive words recur only at the other
   * extreme, at no level between and not in its own (see kinship.ts).
   */
  kinship?: Kinship;
  /**
   * When the statement says what is done (or what its holder can do) and every other statement of
   * its level says only what is understood (see register.ts); offsets relative to the whole text.
   */
  register?: RegisterBreak;
  /** True for a placeholder that says the level has no statements: it is read as empty. */
  placeholder?: boolean;
  /**
   * False for a statement written in another language than English (language.ts): the built-in
   * lexicon does not read it, only the phrases of the config's lexicon do.
   */
  english: boolean;
}

export interface LevelScope {
  level: Level;
  rank: number;
  statements: StatementScope[];
  /** Mean profile position of the level's statements that have evidence. */
  position: number | undefined;
  /** How many statements had evidence. */
  measured: number;
  /** Mean standalone reading of the level's statements, as a rank, when any could be read. */
  reading: number | undefined;
  /** The level's name for messages: its label when it has one, else its key; told apart by the key when two levels share a label. */
  name: string;
}

export interface ScopeAnalysis {
  levels: LevelScope[];
  statements: StatementScope[];
  /** Made when first read (see computeScope). */
  readonly byPointer: Map<string, StatementScope>;
  threads: Thread[];
}

/**
 * The levels a topic thread skips: those with statements but none of the thread's, in order of
 * proficiency (topic-gap reports them; its quick fix adds a statement to each). A level of
 * placeholders alone ("This skill level is currently not defined.") is read as empty, and skips
 * no topic.
 */
export function levelsWithout(analysis: ScopeAnalysis, thread: Thread): LevelScope[] {
  return analysis.levels.filter((l) => !thread.ranks.includes(l.rank) && l.statements.some((x) => !x.placeholder));
}

/**
 * The thread a statement belongs to; for a placeholder on a topic ("Circulation — to be written.",
 * what topic-gap's action adds), which carries its topic to no thread (threads.ts), the topic thread
 * it stands in for. The author about to write it over wants to see how the other levels word the
 * topic, in the hover, in Find All References and in the level matrix's row of the topic.
 */
export function threadFor(scope: ScopeAnalysis, ss: StatementScope): Thread | undefined {
  if (ss.thread !== undefined) return scope.threads[ss.thread];
  const topic = ss.placeholder ? ss.statement.topic : undefined;
  if (topic === undefined) return undefined;
  return scope.threads.find(
    (t) => t.by === 'topic' && t.members.some((m) => sameTopic(scope.statements[m].statement.topic ?? '', topic)),
  );
}

export function scopeAnalysis(ctx: { shared: SharedAnalysis; model: FrameworkModel; config: ResolvedConfig }): ScopeAnalysis {
  return ctx.shared.get('scope', () => computeScope(ctx.model, ctx.config));
}

/** Levels in the order of proficiency: a known or configured vocabulary's order, else document order. */
export function orderedLevels(model: FrameworkModel, config: ResolvedConfig): Level[] {
  const levels = [...model.levels];
  const byKey = matchVocabulary(levels.map((l) => l.key), config.levelOrders);
  const labels = levels.map((l) => (typeof l.label?.value === 'string' ? (l.label.value as string) : ''));
  const match = byKey ?? (labels.every((x) => x) ? matchVocabulary(labels, config.levelOrders) : undefined);
  if (!match) return levels;
  return levels.map((level, i) => ({ level, rank: match.ranks[i] })).sort((a, b) => a.rank - b.rank).map((x) => x.level);
}

function shiftEvidence(evidence: ScopeEvidence[], by: number): ScopeEvidence[] {
  return by === 0 ? evidence : evidence.map((e) => makeEvidence(e, e.phrase, e.start + by, e.end + by, e.weight));
}

export const TUNING = {
  /** How much the document's own level centroids count against the lexicon's absolute scale. */
  centroidBlend: 0.5,
  /** Weight of the content signal (which level shares the statement's words) in the estimate. */
  contentWeight: 0.6,
  /** Minimum similarity for a statement's content to point at a level. */
  contentMin: 0.3,
  /** Evidence weight at which the lexicon reading is trusted fully. */
  fullConfidence: 2,
  /** Weight of the presumption that a statement sits where its author put it. */
  prior: 0.3,
};

function computeScope(model: FrameworkModel, config: ResolvedConfig): ScopeAnalysis {
  const ordered = orderedLevels(model, config);
  const n = ordered.length;
  const rankOf = new Map<string, number>(ordered.map((l, i) => [l.key, i]));
  const statements: StatementScope[] = [];
  // Each statement's content stems as numbers, for the similarity index (made while the tokens are at hand).
  const local = new LocalIds();
  const stemIds: Int32Array[] = [];
  const kinWords: KinshipWords[] = [];
  const registers: StatementRegister[] = [];
  for (const s of model.statements) {
    const rank = rankOf.get(s.levelKey) ?? s.levelIndex;
    // A placeholder ("This level is currently not defined.") describes no work: it is read as empty.
    const placeholder = isPlaceholder(s.body);
    // A placeholder's token list comes from the tokeniser too, so that every list has the one kind
    // of array V8 has learnt there: an empty literal's kind differs, and the first placeholder of a
    // run threw the optimised code of every reader of tokens away.
    const tokens = tokenise(placeholder ? '' : s.body);
    // The built-in lexicon is English: a statement in another language meets it only by stray
    // cognates ("national", "programme"), so only the config's own phrases read it (language.ts).
    const english = readsAsEnglish(tokens);
    const profile = profileText(s.body, config.lexicon, tokens, english);
    registers.push(statementRegister(s.body, profile.evidence, tokens));
    profile.evidence = shiftEvidence(profile.evidence, s.bodyStart);
    // Every record gets every field here, those set later included: records that gained fields one
    // by one had several hidden classes, and each new mix a lint run met threw V8's optimised code
    // for the scope model away (computeScope was compiled five times over 1,000 files).
    statements.push({
      statement: s,
      rank,
      profile,
      lexiconRank: undefined,
      standalone: undefined,
      estimate: undefined,
      contentRank: undefined,
      similar: undefined,
      offset: 0,
      thread: undefined,
      kinship: undefined,
      register: undefined,
      placeholder,
      english,
    });
    const ids = contentStemIds(tokens, local);
    kinWords.push(kinshipWords(tokens, ids));
    stemIds.push(ids);
  }
  const levels: LevelScope[] = ordered.map((level, rank) => levelScope(level, rank, statements, model.levels));
  // Kinship reads the ids as LocalIds gave them; rarestFirst renumbers the arrays in place after it.
  const vocabulary = local.size;
  const kinItems: { rank: number; skip: boolean; words: KinshipWords }[] = [];
  for (let i = 0; i < statements.length; i++) kinItems.push({ rank: statements[i].rank, skip: statements[i].placeholder === true, words: kinWords[i] });
  const kinship = findKinship(kinItems, n, vocabulary);
  // The stems as text name content threads only; they are made again from the body for those.
  const stemsOf = (i: number) => contentStems(tokenise(statements[i].placeholder ? '' : statements[i].statement.body));
  const index: SimilarityIndex = similarityIndex(rarestFirst(stemIds, vocabulary), stemsOf);
  if (n >= 2) estimate(statements, levels, index);
  for (const l of levels) l.reading = meanOf(l.statements, standaloneOf).mean;
  const threads = findThreads(statements, n, index);
  for (let i = 0; i < statements.length; i++) if (kinship[i]) statements[i].kinship = kinship[i];
  const registerItems: { rank: number; skip: boolean; register: StatementRegister }[] = [];
  for (let i = 0; i < statements.length; i++) registerItems.push({ rank: statements[i].rank, skip: statements[i].placeholder === true, register: registers[i] });
  const breaks = findRegisterBreaks(registerItems, n);
  for (let i = 0; i < statements.length; i++) {
    const b = breaks[i];
    if (!b) continue;
    const by = statements[i].statement.bodyStart;
    statements[i].register = { ...b, doing: { ...b.doing, start: b.doing.start + by, end: b.doing.end + by } };
  }
  return new Scope(levels, statements, threads);
}

/**
 * The analysis, with its map by pointer made when first read: the map serves explain, hovers, the
 * report and a quick fix, never the rules, so a lint run neither builds it nor computes every
 * statement's pointer. A class, not an object literal with a getter: V8 made such a literal in the
 * old generation, and every statement it reached then outlived the young one (one warm pass over the
 * 1,000 bench files took five full collections instead of one).
 */
class Scope implements ScopeAnalysis {
  private pointerMap: Map<string, StatementScope> | undefined = undefined;

  constructor(
    readonly levels: LevelScope[],
    readonly statements: StatementScope[],
    readonly threads: Thread[],
  ) {}

  get byPointer(): Map<string, StatementScope> {
    if (this.pointerMap === undefined) {
      this.pointerMap = new Map();
      for (const x of this.statements) this.pointerMap.set(x.statement.pointer, x);
    }
    return this.pointerMap;
  }
}

function levelScope(level: Level, rank: number, statements: readonly StatementScope[], all: readonly Level[]): LevelScope {
  const own: StatementScope[] = [];
  for (const x of statements) if (x.rank === rank) own.push(x);
  const position = meanOf(own, positionOf);
  return { level, rank, statements: own, position: position.mean, measured: position.count, reading: undefined, name: distinctLevelName(level, all) };
}

const standaloneOf = (x: StatementScope): number | undefined => x.standalone;
const positionOf = (x: StatementScope): number | undefined => x.profile.position;

/** The mean of what `value` gives for the records, those it gives nothing for left out, and how many it gave. */
function meanOf(records: readonly StatementScope[], value: (x: StatementScope) => number | undefined): { mean: number | undefined; count: number } {
  let sum = 0;
  let count = 0;
  for (const x of records) {
    const v = value(x);
    if (v !== undefined) (sum += v), count++;
  }
  return { mean: count === 0 ? undefined : sum / count, count };
}

/**
 * The estimate of each statement's rank. Three readings are combined, each weighted by how sure it is:
 * the lexicon position on the absolute scale (position x (levels - 1)); the same position read against
 * the document's own level centroids (computed without the statement, so it cannot pull its level
 * toward itself); and the level whose other statements share most of its content words.
 */
function estimate(statements: StatementScope[], levels: LevelScope[], index: SimilarityIndex): void {
  const n = levels.length;
  const sums = levels.map((l) => {
    let sum = 0;
    let count = 0;
    for (const x of l.statements) if (x.profile.position !== undefined) (sum += x.profile.position), count++;
    return { sum, count };
  });
  statements.forEach((x, i) => {
    const p = x.profile.position;
    let lexRank: number | undefined;
    if (p !== undefined) {
      const absolute = p * (n - 1);
      const relative = readAgainst(p, sums, x.rank);
      lexRank = relative === undefined ? absolute : (1 - TUNING.centroidBlend) * absolute + TUNING.centroidBlend * relative;
    }
    x.lexiconRank = lexRank;
    // The content signal: the similarity-weighted mean rank of the statement's nearest neighbours.
    const neighbours = index.neighbours(i, TUNING.contentMin);
    let cw = 0;
    let cr = 0;
    for (const { other, similarity } of neighbours) {
      const r = statements[other].rank;
      cw += similarity;
      cr += similarity * r;
    }
    x.contentRank = cw > 0 ? cr / cw : undefined;
    if (neighbours.length > 0) x.similar = neighbours;
    const lexWeight = lexRank === undefined ? 0 : Math.min(1, x.profile.confidence / TUNING.fullConfidence);
    const contentWeight = x.contentRank === undefined ? 0 : TUNING.contentWeight * Math.min(1, cw);
    const total = lexWeight + contentWeight;
    const absolute = p === undefined ? 0 : p * (n - 1);
    x.standalone = total > 0 ? (absolute * lexWeight + (x.contentRank ?? 0) * contentWeight) / total : undefined;
    if (total === 0) {
      x.estimate = undefined;
      x.offset = 0;
      return;
    }
    // Without strong evidence the statement is presumed to sit where it is: the prior pulls toward its own rank.
    const prior = TUNING.prior;
    x.estimate = ((lexRank ?? 0) * lexWeight + (x.contentRank ?? 0) * contentWeight + x.rank * prior) / (total + prior);
    x.offset = x.estimate - x.rank;
  });
}

/**
 * Where position `p`, of a statement at rank `own`, falls among the level centroids, as a fractional
 * rank (interpolated between them). The centroids leave the statement out, so that it cannot pull
 * its level toward itself, and are made non-decreasing, so that the reading stays monotone; a level
 * with no other measured statement has none. Undefined when fewer than two levels have one.
 *
 * It reads the centroids as it goes rather than making a list of them: this runs once per
 * statement, and the lists were a twentieth of everything a lint run's analysis allocated.
 */
function readAgainst(p: number, sums: readonly { sum: number; count: number }[], own: number): number | undefined {
  let known = 0;
  let previousRank = 0;
  let previous = 0;
  let floor = -Infinity;
  let reading: number | undefined;
  for (let rank = 0; rank < sums.length; rank++) {
    const isOwn = rank === own;
    const count = isOwn ? sums[rank].count - 1 : sums[rank].count;
    if (count <= 0) continue;
    floor = Math.max(floor, (sums[rank].sum - (isOwn ? p : 0)) / count);
    const c = floor;
    if (reading === undefined && p <= c) {
      // At or below the lowest centroid the reading is that level; otherwise it is interpolated.
      reading = known === 0 || c === previous ? rank : previousRank + ((p - previous) / (c - previous)) * (rank - previousRank);
    }
    known++;
    previousRank = rank;
    previous = c;
  }
  if (known < 2) return undefined;
  return reading ?? previousRank;
}
