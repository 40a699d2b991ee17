/** The SOC code links to the occupation on O*NET OnLine, when O*NET lists the code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/core/service';
import { documentLinks } from '../../server/src/core/features/links';
import { EXAMPLE_TEXT, exampleWith } from '../helpers';

test('the example\'s SOC code links to its O*NET OnLine summary, over the code without its quotes', () => {
  const result = analyse(EXAMPLE_TEXT);
  const [link, ...rest] = documentLinks(result);
  assert.equal(rest.length, 0);
  assert.equal(EXAMPLE_TEXT.slice(link.range.start, link.range.end), '25-4022.00');
  assert.equal(link.target, 'https://www.onetonline.org/link/summary/25-4022.00');
  assert.equal(link.tooltip, 'Librarians and Media Collections Specialists on O*NET OnLine');
});

test('no link for a code O*NET does not list, a malformed code or one that is not a string', () => {
  for (const soc of ['99-9999.00', '25-4022', 254022, null]) {
    const text = exampleWith((d) => {
      d.occupation.soc = soc;
    });
    assert.deepEqual(documentLinks(analyse(text)), [], String(soc));
  }
});
