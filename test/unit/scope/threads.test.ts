import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/service';
import { scopeAnalysis } from '../../../server/src/core/analysis/scope/analysis';
import { EXAMPLE_TEXT, config, exampleWith } from '../../helpers';

/** The threads of a document as member pointers. */
function threadsOf(text: string): string[][] {
  const result = analyse(text);
  const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: result.config });
  return scope.threads.map((t) => t.members.map((m) => scope.statements[m].statement.pointer));
}

const body = (s: string) => s.slice(s.indexOf(' — ') + 3);

/** Two statements of adjacent levels whose topics share one word, "archive", and nothing else. */
function linkedByArchive(d: any): void {
  const levels = d.framework.levels;
  levels.developing.statements[0] = `Archive outreach — ${body(levels.developing.statements[0])}`;
  levels.proficient.statements[0] = `Archive grants — ${body(levels.proficient.statements[0])}`;
}

test("a topic's words are the same in every document, whatever an earlier document made of them", () => {
  // Topics remembered from one analysis serve the next (threads.ts). The thread finder takes a
  // document's common topic words out of each statement's set: in `common`, every topic starts with
  // "Archive", so there it goes, while in `rare` it is what links the two statements.
  const rare = exampleWith(linkedByArchive);
  const common = exampleWith((d) => {
    for (const level of Object.values<any>(d.framework.levels)) {
      level.statements = level.statements.map((s: string) => (s.includes(' — ') ? `Archive ${s[0].toLowerCase()}${s.slice(1)}` : s));
    }
    linkedByArchive(d);
  });
  const before = threadsOf(rare);
  const pair = ['/framework/levels/developing/statements/0', '/framework/levels/proficient/statements/0'];
  assert.ok(
    before.some((t) => pair.every((p) => t.includes(p))),
    'the two statements make one thread',
  );
  threadsOf(common);
  assert.deepEqual(threadsOf(rare), before);
});

test('a thread without topics is named by the stretch of its first statement that holds the shared words, when it is short', () => {
  const threadNamed = (first: string, second: string) => {
    const text = exampleWith((d) => {
      const levels = d.framework.levels;
      for (const level of Object.values<any>(levels)) level.statements = level.statements.map(body);
      levels.emerging.statements[0] = first;
      levels.developing.statements[0] = second;
    });
    const result = analyse(text);
    const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: result.config });
    return scope.threads.find((t) => t.members.some((m) => scope.statements[m].statement.pointer === '/framework/levels/emerging/statements/0'))?.name;
  };
  // As the reader finds it in the statement, not "aligns goals vision team".
  assert.equal(
    threadNamed('describe how your design work aligns to the wider goals and vision of your team', 'align your design work to the goals and vision of your team and organisation'),
    'design work aligns to the wider goals and vision',
  );
  // Shared words far apart are named by the words alone.
  assert.equal(
    threadNamed('catalogue rare manuscripts for the archive so that the many visiting scholars and students can find periodicals', 'catalogue manuscripts and periodicals across several archives'),
    'catalogue manuscripts archive periodicals',
  );
});

test('without topics, statements of adjacent levels that share their content words make a thread named by those words', () => {
  const text = exampleWith((d) => {
    const levels = d.framework.levels;
    for (const level of Object.values<any>(levels)) level.statements = level.statements.map(body);
    levels.emerging.statements[0] = 'prepare monthly circulation budget reports under supervision';
    levels.developing.statements[0] = 'prepare monthly circulation budget reports and forecasts independently';
    levels.proficient.statements[0] = 'prepare monthly circulation budget reports for the whole library system';
  });
  const result = analyse(text);
  const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: result.config });
  const thread = scope.threads.find((t) => t.members.some((m) => scope.statements[m].statement.pointer === '/framework/levels/emerging/statements/0'));
  assert.ok(thread);
  assert.equal(thread.by, 'content');
  // The words the members share (by stem), as the first member writes them, in its order, at most four.
  assert.equal(thread.name, 'prepare monthly circulation budget');
  assert.deepEqual(
    thread.members.map((m) => scope.statements[m].statement.pointer),
    ['emerging', 'developing', 'proficient'].map((k) => `/framework/levels/${k}/statements/0`),
  );
});

test('threads follow the order of proficiency, not the order the levels are written in', () => {
  // The example's levels written top down (or shuffled), and custom keys put in order by the config's
  // levelOrder: each topic must thread as in the example itself. Before, a statement claimed its lower
  // topic in document order, so a higher level written first took the link a lower one needed, and
  // topic-gap reported "Library catalog records" at Emerging and Proficient with a gap between.
  const threadsOf = (text: string, cfg?: ReturnType<typeof config>) => {
    const result = analyse(text, { config: cfg });
    const scope = scopeAnalysis({ shared: result.shared, model: result.model, config: result.config });
    return scope.threads.map((t) => t.members.map((m) => scope.statements[m].statement.text).join(' -> ')).sort();
  };
  const expected = threadsOf(EXAMPLE_TEXT);
  const reorder = (keys: string[], rename: Record<string, string> = {}) =>
    exampleWith((doc) => {
      const levels = doc.framework.levels;
      doc.framework.levels = Object.fromEntries(keys.map((k) => [rename[k] ?? k, levels[k]]));
    });
  assert.deepEqual(threadsOf(reorder(['advanced', 'proficient', 'developing', 'emerging'])), expected);
  const metals = { emerging: 'bronze', developing: 'silver', proficient: 'gold', advanced: 'platinum' };
  const cfg = config({ levelOrders: [['bronze', 'silver', 'gold', 'platinum']] });
  assert.deepEqual(threadsOf(reorder(['proficient', 'emerging', 'advanced', 'developing'], metals), cfg), expected);
});
