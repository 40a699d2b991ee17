/**
 * Threads: the same topic carried from level to level. Where statements have a "Topic — " prefix, a
 * thread is the statements whose topics share their words; where they have none, each statement is
 * linked to the most similar statement of the level just below it (when the similarity is clear),
 * and the links chain into threads. Each level pair is compared through the similarity index, so the
 * work stays bounded by the statements that share distinctive words.
 */
import type { StatementScope } from './analysis';
import type { SimilarityIndex } from './similarity';
import { contentStems, tokenContentStem, tokenise } from './tokens';
import { detached } from '../words';
import { isPendingPlaceholder } from './placeholder';

export interface Thread {
  id: number;
  /** A short name: the topic as written, or the content words the members share. */
  name: string;
  /** How the thread was found. */
  by: 'topic' | 'content';
  /** Members in order of rank (indices into the analysis's statements). */
  members: number[];
  /** Ranks the thread has a statement at. */
  ranks: number[];
}

/** Minimum content similarity for two statements of adjacent levels to count as one thread. */
export const THREAD_MIN_SIMILARITY = 0.3;

/** Statements per (level, topic word) kept as candidates: bounds the work on very large documents. */
const MAX_TOPIC_POSTINGS = 64;

/** Minimum share of topic words two topics must have in common to be one thread. */
export const TOPIC_MIN_OVERLAP = 0.34;

/**
 * Each topic's distinct content stems, remembered for the process: a framework names each topic at
 * every level, and the frameworks of a catalogue share most of their topics (the 1,000 files of the
 * benchmark, 40,000 statements, have 921), so tokenising every topic again was a third of the
 * thread finder's time in a lint run. Bounded, like the stem memos: past the bound topics are
 * tokenised each time.
 */
const TOPIC_STEMS = new Map<string, readonly string[]>();
const MAX_TOPICS = 50_000;

function topicStems(topic: string): readonly string[] {
  let stems = TOPIC_STEMS.get(topic);
  if (stems === undefined) {
    stems = [...new Set(contentStems(tokenise(topic)))];
    if (TOPIC_STEMS.size < MAX_TOPICS) TOPIC_STEMS.set(detached(topic), (stems = stems.map(detached)));
  }
  return stems;
}

/**
 * Each statement's topic words as small numbers (ids by first appearance in this document), without
 * repeats and in the topic's order, those naming the field left out. The finder compares topics
 * through these, where sets and maps of strings made the finder a seventh of a lint run's scope model.
 */
function topicWordIds(statements: readonly StatementScope[], levelCount: number): number[][] {
  const idOf = new Map<string, number>();
  const raw = statements.map((x) => {
    // A placeholder for a statement still to come ("Circulation — to be written.") carries its topic
    // to no level, so the topic's gap stays reported until the statement is written; one that says
    // the topic does not apply there ("not applicable") is the author's answer to the gap.
    const topic = x.placeholder && isPendingPlaceholder(x.statement.body) ? undefined : x.statement.topic;
    const stems = topic ? topicStems(topic) : [];
    const ids: number[] = [];
    for (const stem of stems) {
      let id = idOf.get(stem);
      if (id === undefined) idOf.set(stem, (id = idOf.size));
      ids.push(id);
    }
    return ids;
  });
  // A topic word used more often than there are levels ("library" in a library framework) names
  // the field, not a thread; only the rarer words link topics.
  const df = zeros(idOf.size);
  for (const ids of raw) for (let k = 0; k < ids.length; k++) df[ids[k]]++;
  const most = Math.max(2, levelCount);
  return raw.map((ids) => (ids.some((w) => df[w] > most) ? ids.filter((w) => df[w] <= most) : ids));
}

/** Shared words over the words of the shorter topic: "Budget tracking" and "Organizational budget governance" share one of two. */
function overlap(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let x = 0; x < a.length; x++) if (b.includes(a[x])) shared++;
  return shared / Math.min(a.length, b.length);
}

export function findThreads(statements: StatementScope[], levelCount: number, index: SimilarityIndex): Thread[] {
  const parent = statements.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  let withTopic = 0;
  for (const x of statements) if (x.statement.topic && x.statement.topic.trim()) withTopic++;
  const byTopic = withTopic > 0 && withTopic >= statements.length / 2;
  if (byTopic) {
    // Topics rarely repeat word for word across levels ("Information literacy concepts" ->
    // "Information literacy curriculum"), so each statement joins the best-overlapping topic of the
    // nearest lower level that has one, skipping a level when it has none (that is a gap).
    const topics = topicWordIds(statements, levelCount);
    // Candidates come from an index of topic words per level, so a statement is compared only with
    // the topics of the lower level that share one of its words (at most MAX_TOPIC_POSTINGS each).
    // One table per level, keyed by topic word.
    const postings: Map<number, number[]>[] = [];
    const postingsAt = (rank: number) => (postings[rank] ??= new Map());
    statements.forEach((x, i) => {
      const atRank = postingsAt(x.rank);
      const own = topics[i];
      for (let k = 0; k < own.length; k++) {
        const list = atRank.get(own[k]);
        if (!list) atRank.set(own[k], [i]);
        else if (list.length < MAX_TOPIC_POSTINGS) list.push(i);
      }
    });
    const linked = zeros(statements.length);
    // The statement and level a candidate was last compared for, so that each is compared once.
    const seenFor = zeros(statements.length);
    // Each (statement, level) look is a visit; seenFor starts at 0, and the first visit is 1.
    let visit = 0;
    // A lower topic joins the first statement that claims it, so statements claim in the order of
    // proficiency, not of the document: levels a configured or known order puts back in place
    // ("gold" written before "bronze") must thread as they would written in that order.
    for (const i of inRankOrder(statements)) {
      const x = statements[i];
      const own = topics[i];
      if (own.length === 0) continue;
      for (let r = x.rank - 1; r >= 0; r--) {
        visit++;
        let best = -1;
        let bestScore = 0;
        const atRank = postingsAt(r);
        for (let k = 0; k < own.length; k++) {
          for (const j of atRank.get(own[k]) ?? []) {
            if (seenFor[j] === visit || linked[j] === 1) continue;
            seenFor[j] = visit;
            const score = overlap(own, topics[j]);
            if (score > bestScore || (score === bestScore && score > 0 && best >= 0 && index.similarity(i, j) > index.similarity(i, best))) {
              best = j;
              bestScore = score;
            }
          }
        }
        if (best >= 0 && bestScore >= TOPIC_MIN_OVERLAP) {
          union(best, i);
          linked[best] = 1;
          break;
        }
      }
    }
  } else {
    statements.forEach((x, i) => {
      if (x.rank === 0) return;
      // The best match one level down; a statement joins at most one lower statement.
      const best = index.neighbours(i, THREAD_MIN_SIMILARITY).find((nb) => statements[nb.other].rank === x.rank - 1);
      if (best) union(best.other, i);
    });
  }
  // Each group's members in index order, groups in the order of their first member (a group's root
  // is its first member). A statement alone is no thread, and gets no list.
  const roots = zeros(statements.length);
  const size = zeros(statements.length);
  for (let i = 0; i < statements.length; i++) size[(roots[i] = find(i))]++;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < statements.length; i++) {
    const r = roots[i];
    if (size[r] < 2) continue;
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  const threads: Thread[] = [];
  for (const members of groups.values()) {
    const ranks = distinctRanks(members, statements);
    if (ranks.length < 2) continue;
    sortByRank(members, statements);
    const first = statements[members[0]].statement;
    let name: string;
    if (byTopic && first.topic) name = first.topic.trim();
    else {
      const shared = [...index.stems(members[0])].filter((w) => members.every((m) => index.stems(m).has(w)));
      name = nameOfStems(first.body, shared.slice(0, 4)) || first.body.split(/\s+/).slice(0, 4).join(' ');
    }
    const id = threads.length;
    threads.push({ id, name, by: byTopic ? 'topic' : 'content', members, ranks });
    for (const m of members) statements[m].thread = id;
  }
  return threads;
}

/** A name longer than this many words is no longer a name: the words alone are given instead. */
const MAX_NAME_WORDS = 10;

/**
 * A content thread's name, read by people: the stretch of `text` from the first to the last word
 * whose stem is one of `stems`, when it is short ("align their work to the goals and vision"), else
 * those words alone, one per stem, in the text's order ("manage circulation several branches"),
 * never the stems ("manag circul sever branch") that matched.
 */
function nameOfStems(text: string, stems: readonly string[]): string {
  const wanted = new Set(stems);
  const tokens = tokenise(text);
  const hits: number[] = [];
  for (let i = 0; i < tokens.length && wanted.size > 0; i++) {
    const s = tokenContentStem(tokens[i]);
    if (s !== null && wanted.delete(s)) hits.push(i);
  }
  if (hits.length === 0) return '';
  const from = hits[0];
  const to = hits[hits.length - 1];
  if (to - from < MAX_NAME_WORDS) return text.slice(tokens[from].start, tokens[to].end);
  return hits.map((i) => text.slice(tokens[i].start, tokens[i].end)).join(' ');
}

/** The ranks a group has a statement at, ascending. */
function distinctRanks(members: readonly number[], statements: readonly StatementScope[]): number[] {
  const ranks: number[] = [];
  for (const m of members) if (!ranks.includes(statements[m].rank)) ranks.push(statements[m].rank);
  return sortBy(ranks, (r) => r);
}

/** Every statement's index, by rank and then index: one pass per rank, linear where a sort of a reversed document was not. */
function inRankOrder(statements: readonly StatementScope[]): number[] {
  const buckets: number[][] = [];
  for (let i = 0; i < statements.length; i++) (buckets[statements[i].rank] ??= []).push(i);
  const out: number[] = [];
  for (const bucket of buckets) if (bucket) for (const i of bucket) out.push(i);
  return out;
}

/** A group's members (in index order) by rank, then index. */
function sortByRank(members: number[], statements: readonly StatementScope[]): void {
  sortBy(members, (m) => statements[m].rank);
}

/**
 * A handful of numbers sorted in place by `key`, stably (an insertion sort): the array's own sort
 * copies its input to a work area first, and over a lint run the threads' sorts were a thirtieth of
 * everything the analysis allocated.
 */
function sortBy(a: number[], key: (x: number) => number): number[] {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    const k = key(x);
    let j = i - 1;
    for (; j >= 0 && key(a[j]) > k; j--) a[j + 1] = a[j];
    a[j + 1] = x;
  }
  return a;
}

/**
 * An array of n zeros. Plain arrays rather than typed ones: these are made for every document, and
 * a typed array costs more to make than the few hundred numbers it holds are worth.
 */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
