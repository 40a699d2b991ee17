/**
 * Threads: the same topic carried from level to level. Where statements have a "Topic — " prefix, a
 * thread is the statements whose topics share their words; where they have none, each statement is
 * linked to the most similar statement of the level just below it (when the similarity is clear),
 * and the links chain into threads. Each level pair is compared through the similarity index, so the
 * work stays bounded by the statements that share distinctive words.
 */
import type { StatementScope } from './analysis';
import type { SimilarityIndex } from './similarity';
import { contentStems, tokenise } from './tokens';
import { detached } from '../words';

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

function topicStemSet(topic: string): Set<string> {
  let stems = TOPIC_STEMS.get(topic);
  if (stems === undefined) {
    stems = [...new Set(contentStems(tokenise(topic)))];
    if (TOPIC_STEMS.size < MAX_TOPICS) TOPIC_STEMS.set(detached(topic), (stems = stems.map(detached)));
  }
  // A set of its own: the finder takes the field's common words out of each statement's set.
  return new Set(stems);
}

/** Shared words over the words of the shorter topic: "Budget tracking" and "Organizational budget governance" share one of two. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
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
  const withTopic = statements.filter((x) => x.statement.topic && x.statement.topic.trim()).length;
  const byTopic = withTopic > 0 && withTopic >= statements.length / 2;
  if (byTopic) {
    // Topics rarely repeat word for word across levels ("Information literacy concepts" ->
    // "Information literacy curriculum"), so each statement joins the best-overlapping topic of the
    // nearest lower level that has one, skipping a level when it has none (that is a gap).
    const topicStems = statements.map((x) => (x.statement.topic ? topicStemSet(x.statement.topic) : new Set<string>()));
    // A topic word used more often than there are levels ("library" in a library framework) names
    // the field, not a thread; only the rarer words link topics.
    const df = new Map<string, number>();
    for (const set of topicStems) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
    for (const set of topicStems) for (const w of [...set]) if ((df.get(w) ?? 0) > Math.max(2, levelCount)) set.delete(w);
    // Candidates come from an index of topic words per level, so a statement is compared only with
    // the topics of the lower level that share one of its words (at most MAX_TOPIC_POSTINGS each).
    // One table per level, keyed by topic word.
    const postings: Map<string, number[]>[] = [];
    const postingsAt = (rank: number) => (postings[rank] ??= new Map());
    statements.forEach((x, i) => {
      const atRank = postingsAt(x.rank);
      for (const w of topicStems[i]) {
        const list = atRank.get(w);
        if (!list) atRank.set(w, [i]);
        else if (list.length < MAX_TOPIC_POSTINGS) list.push(i);
      }
    });
    const linked = new Set<number>();
    statements.forEach((x, i) => {
      if (topicStems[i].size === 0) return;
      for (let r = x.rank - 1; r >= 0; r--) {
        let best = -1;
        let bestScore = 0;
        const seen = new Set<number>();
        for (const w of topicStems[i]) {
          for (const j of postingsAt(r).get(w) ?? []) {
            if (seen.has(j) || linked.has(j)) continue;
            seen.add(j);
            const score = overlap(topicStems[i], topicStems[j]);
            if (score > bestScore || (score === bestScore && score > 0 && best >= 0 && index.similarity(i, j) > index.similarity(i, best))) {
              best = j;
              bestScore = score;
            }
          }
        }
        if (best >= 0 && bestScore >= TOPIC_MIN_OVERLAP) {
          union(best, i);
          linked.add(best);
          return;
        }
      }
    });
  } else {
    statements.forEach((x, i) => {
      if (x.rank === 0) return;
      // The best match one level down; a statement joins at most one lower statement.
      const best = index.neighbours(i, THREAD_MIN_SIMILARITY).find((nb) => statements[nb.other].rank === x.rank - 1);
      if (best) union(best.other, i);
    });
  }
  const groups = new Map<number, number[]>();
  statements.forEach((_, i) => {
    const r = find(i);
    const list = groups.get(r) ?? [];
    list.push(i);
    groups.set(r, list);
  });
  const threads: Thread[] = [];
  for (const members of groups.values()) {
    const ranks = [...new Set(members.map((m) => statements[m].rank))].sort((a, b) => a - b);
    if (ranks.length < 2) continue;
    members.sort((a, b) => statements[a].rank - statements[b].rank || a - b);
    const first = statements[members[0]].statement;
    let name: string;
    if (byTopic && first.topic) name = first.topic.trim();
    else {
      const shared = [...index.stems(members[0])].filter((w) => members.every((m) => index.stems(m).has(w)));
      name = shared.slice(0, 4).join(' ') || first.body.split(/\s+/).slice(0, 4).join(' ');
    }
    const id = threads.length;
    threads.push({ id, name, by: byTopic ? 'topic' : 'content', members, ranks });
    for (const m of members) statements[m].thread = id;
  }
  return threads;
}
