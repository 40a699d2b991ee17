/**
 * How the reports show a file (formatters/paths.ts): relative to the working folder when it is
 * inside it, which is what GitHub annotations, SARIF's %SRCROOT% and GitLab's Code Quality need.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { displayPath, portablePath } from '../../../server/src/cli/formatters/paths';

const cwd = join(sep, 'work', 'catalogue');

test('a file inside the working folder is shown relative to it, one outside it absolute', () => {
  assert.equal(displayPath(join(cwd, 'exports', 'a.json'), cwd), join('exports', 'a.json'));
  assert.equal(portablePath(join(cwd, 'exports', 'a.json'), cwd), 'exports/a.json');
  assert.equal(displayPath(join(sep, 'work', 'other', 'a.json'), cwd), join(sep, 'work', 'other', 'a.json'));
  assert.equal(displayPath(join(sep, 'work', 'a.json'), cwd), join(sep, 'work', 'a.json'));
  assert.equal(displayPath(cwd, cwd), cwd);
  assert.equal(displayPath('<stdin>', cwd), '<stdin>');
});

test('a file or folder whose name starts with ".." is inside the working folder, not above it', () => {
  assert.equal(portablePath(join(cwd, '..draft.json'), cwd), '..draft.json');
  assert.equal(portablePath(join(cwd, '..old', 'a.json'), cwd), '..old/a.json');
  assert.equal(portablePath(join(cwd, '...', 'a.json'), cwd), '.../a.json');
  // A sibling whose name starts with the working folder's is still outside it.
  assert.equal(displayPath(`${cwd}..x${sep}a.json`, cwd), `${cwd}..x${sep}a.json`);
});
