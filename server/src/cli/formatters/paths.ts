/** How formats show a file: relative to the working folder when it is inside it. */
import { isAbsolute, relative, sep } from 'node:path';
import { isBelow } from '../../node/config';

/**
 * Only the segment ".." leaves the folder (isBelow): a file or folder named "..draft.json" in it
 * is inside, and shown relative like the others, or GitHub and GitLab could not place it.
 */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  return rel === '' || !isBelow(rel) ? filePath : rel;
}

/** The same, with forward slashes on every platform (GitHub and SARIF paths). */
export function portablePath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split(sep).join('/');
}
