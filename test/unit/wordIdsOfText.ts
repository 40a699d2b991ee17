/**
 * Word lists as text numbered the plain way, for tests: ids by first appearance from a map of the
 * words, then the production `rarestFirst`. The analysis numbers words through `LocalIds` instead;
 * tests hold the two equal, and give the near-duplicate join sets written as words.
 */
import { rarestFirst, type WordIds } from '../../server/src/core/analysis/wordIds';

export function wordIdsRarestFirst(lists: readonly (readonly string[])[]): WordIds {
  const idOf = new Map<string, number>();
  const sets = lists.map((list) =>
    Int32Array.from(list, (w) => {
      let id = idOf.get(w);
      if (id === undefined) idOf.set(w, (id = idOf.size));
      return id;
    }),
  );
  return rarestFirst(sets, idOf.size);
}
