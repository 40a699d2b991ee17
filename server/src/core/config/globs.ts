/**
 * Limits on the globs a config or a setting may hold. Globs are compiled to regular expressions
 * (picomatch), and wildcards that can match the same stretch of a path make those backtrack
 * polynomially in the path's length: measured on this project's 2-core machine, four `*` in one
 * file name took over a second on a 255-character name and five took 70 s; three `**` took about a
 * second on a 4 KB folder path, five took minutes. A config or a `.vscode/settings.json` comes with
 * a workspace, which the user may not trust, so the cap is enforced where they are read. A glob
 * also matches at any depth (node/config.ts tries it with "**\/" in front), so a leading "**\/" is
 * free and up to two more wildcards are allowed (`**` counts as one), at most two `*` in one path
 * segment: the worst case is then about a second on the longest paths a file system allows (three
 * `**` in a row on a 4 KB path) and milliseconds on ordinary ones.
 * Ordinary globs ("exports/**\/*.json", "**\/drafts/**", "*.{json,jsonc}") are far inside it.
 */

export const MAX_GLOB_WILDCARDS = 2;
export const MAX_SEGMENT_STARS = 2;
export const MAX_GLOB_LENGTH = 500;

/** Why a glob is refused, in plain words, or undefined when it is within the limits. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `the glob is longer than ${MAX_GLOB_LENGTH} characters`;
  // A leading "**/" is what every glob gets anyway, so it is not counted (the limit allows for it).
  const body = glob.replace(/^(?:\*\*\/)+/, '');
  let wildcards = 0;
  for (const segment of body.split('/')) {
    if (segment === '**') {
      wildcards++;
      continue;
    }
    // Every `*` and every extended-glob group (`+(`, `@(`, `?(`, `!(`, `*(`) can stretch.
    const stars = (segment.match(/\*+|[+@?!]\(/g) ?? []).length;
    if (stars > MAX_SEGMENT_STARS) return `the glob "${glob}" has more than ${MAX_SEGMENT_STARS} wildcards in one part of the path, which makes matching slow enough to stall the linter`;
    wildcards += stars;
  }
  if (wildcards > MAX_GLOB_WILDCARDS) return `the glob "${glob}" has more than ${MAX_GLOB_WILDCARDS} wildcards after a leading "**/" ("**" counts as one), which makes matching slow enough to stall the linter`;
  return undefined;
}
