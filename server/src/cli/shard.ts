/**
 * `--shard i/n`: the files of one run split across the n jobs of a CI matrix, so that a large
 * catalogue of frameworks is linted by several machines at once, each job linting its part.
 *
 * The split must be the same in every job (each job runs on its own machine and checkout), must
 * give each file to exactly one job, and should give the jobs similar numbers of files. So, as test
 * runners do, the files are ordered by a hash of their path relative to the working folder (the
 * same on every checkout, unlike an absolute path; a hash rather than the path itself so that one
 * large folder is spread over the jobs instead of landing in one), and the ordered list is cut into
 * n contiguous parts whose sizes differ by at most one. Within a part the files keep the run's own
 * order, so the output reads like an unsharded run with the other jobs' files left out.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

/** Parses "i/n"; returns an explanation instead when the text is not a shard. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const usage = `--shard takes i/n, the part to lint and the number of parts, with 1 ≤ i ≤ n (for example --shard 2/4), found "${text}"`;
  if (!m) return usage;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) return usage;
  return { index, count };
}

/** The key a file is ordered by: its path relative to the working folder, with forward slashes. */
export function shardKey(absPath: string, cwd: string): string {
  return relative(cwd, absPath).split(sep).join('/');
}

/**
 * The items of one shard, in their original order. `key` must give each item a distinct,
 * machine-independent name (see shardKey).
 */
export function selectShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  if (shard.count === 1) return [...items];
  const ordered = items.map((item, position) => {
    const name = key(item);
    return { position, name, hash: createHash('sha1').update(name).digest('hex') };
  });
  ordered.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.position - b.position));
  const from = Math.floor(((shard.index - 1) * ordered.length) / shard.count);
  const to = Math.floor((shard.index * ordered.length) / shard.count);
  const chosen = ordered
    .slice(from, to)
    .map((o) => o.position)
    .sort((a, b) => a - b);
  return chosen.map((p) => items[p]);
}
