/** How formats show a file: relative to the working folder when it is inside it. */
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? filePath : rel;
}

/** The same, with forward slashes on every platform (GitHub and SARIF paths). */
export function portablePath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split(sep).join('/');
}
