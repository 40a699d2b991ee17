/**
 * JSON.stringify(value, null, 2) for a report that may be longer than the longest string V8 can
 * make (about 512 million characters; a 20 MB framework whose statements are all duplicates gives
 * a json or SARIF report longer than that). The report's one long array is written element by
 * element, each element as JSON.stringify writes it, and the text goes out as UTF-8 pieces.
 */

/** Arrays longer than this are written element by element; shorter ones in one call, which is faster. */
export const LONG_ARRAY = 1000;

const encoder = new TextEncoder();

/** About this many UTF-16 units of text are encoded into each piece. */
const PIECE = 1 << 20;

/**
 * The pretty JSON of `skeleton` with `items` in place of the empty array that `skeleton` holds under
 * `key`, a key found exactly once at `depth` levels of indentation; byte for byte what
 * JSON.stringify(value, null, 2) gives for the value with the items in place.
 */
export function prettyJsonPieces(skeleton: object, key: string, depth: number, items: readonly unknown[]): Uint8Array[] {
  const text = JSON.stringify(skeleton, null, 2);
  const pad = '  '.repeat(depth);
  const slot = `\n${pad}${JSON.stringify(key)}: []`;
  const at = text.indexOf(slot);
  // A key's text cannot occur inside a JSON string (its quotes would be escaped), so only another
  // member with the same key at the same indentation could match twice; the callers have none.
  if (at < 0 || text.indexOf(slot, at + 1) >= 0) throw new Error(`prettyJsonPieces: "${key}" is not one empty array at depth ${depth}`);
  const pieces: Uint8Array[] = [];
  let pending = text.slice(0, at + slot.length - 1);
  const itemPad = `${pad}  `;
  const add = (s: string) => {
    pending += s;
    if (pending.length >= PIECE) {
      pieces.push(encoder.encode(pending));
      pending = '';
    }
  };
  if (items.length === 0) add(']');
  else {
    items.forEach((item, i) => {
      // JSON.stringify writes no raw line break inside a string, so every line break is indentation.
      add(`${i === 0 ? '\n' : ',\n'}${itemPad}${(JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, `\n${itemPad}`)}`);
    });
    add(`\n${pad}]`);
  }
  add(text.slice(at + slot.length));
  if (pending.length > 0) pieces.push(encoder.encode(pending));
  return pieces;
}
