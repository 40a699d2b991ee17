/**
 * Why a run linted no file, for the report's "No framework files found to lint": a config's
 * `ignore` globs that took every file, a `--shard` part that holds none of them, or files that are
 * not frameworks. Without it, a CI job whose inputs were all excluded looks as if it had linted a
 * clean catalogue.
 */
import { displayPath } from './formatters/paths';
import type { Shard } from './shard';
import type { Coverage } from './workers';

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** The reasons, joined, or undefined when there is nothing to say beyond "no files". */
export function emptyRunReason(coverage: Coverage, shard: Shard | undefined, cwd: string): string | undefined {
  const reasons: string[] = [];
  if (shard && coverage.found > 0 && coverage.inShard === 0) reasons.push(`shard ${shard.index}/${shard.count} holds none of the ${files(coverage.found)} found`);
  else if (coverage.inShard > 0) {
    const which = coverage.inShard === 1 ? 'the 1 file found is not' : `none of the ${files(coverage.inShard)} found is`;
    reasons.push(`${which} a framework (an object at framework.levels, or the framework $schema); name a file, or match it with a config's "files" glob, to lint it whatever it holds`);
  }
  for (const [config, n] of coverage.ignored) reasons.push(`${files(n)} matched "ignore" in ${displayPath(config, cwd)}`);
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

/** What the stylish and html reports say of a run that linted no file. */
export function emptyRunLine(reason: string | undefined): string {
  return reason === undefined ? 'No framework files found to lint.' : `No framework files found to lint: ${reason}.`;
}

/** The formats whose report says, in words, why no file was linted (emptyRunLine). */
export const FORMATS_SAYING_WHY_EMPTY: ReadonlySet<string> = new Set(['stylish', 'html']);

/**
 * What standard error says of a run that linted no file, in the formats whose report cannot say it
 * (an empty SARIF log, an empty list of annotations or of Code Quality issues, a JUnit report
 * without suites): without it a CI job whose files were all ignored, or whose shard holds none,
 * passes as if it had linted a clean catalogue, and nothing in its log says otherwise.
 */
export function emptyRunNotice(reason: string | undefined): string {
  const line = emptyRunLine(reason);
  return line[0].toLowerCase() + line.slice(1);
}
