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
  const out = new Pieces(text.slice(0, at + slot.length - 1));
  addItems(out, items, pad);
  out.add(text.slice(at + slot.length));
  return out.finish();
}

/** JSON.stringify(items, null, 2) + "\n", as UTF-8 pieces: a report that is one long array. */
export function prettyArrayPieces(items: readonly unknown[]): Uint8Array[] {
  const out = new Pieces('[');
  addItems(out, items, '');
  out.add('\n');
  return out.finish();
}

/** The items of an array whose "[" is written, at `pad`'s indentation, and its "]". */
function addItems(out: Pieces, items: readonly unknown[], pad: string): void {
  const itemPad = `${pad}  `;
  if (items.length === 0) {
    out.add(']');
    return;
  }
  items.forEach((item, i) => {
    // JSON.stringify writes no raw line break inside a string, so every line break is indentation.
    out.add(`${i === 0 ? '\n' : ',\n'}${itemPad}${(JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, `\n${itemPad}`)}`);
  });
  out.add(`\n${pad}]`);
}

/** Text gathered and encoded about PIECE units at a time. */
class Pieces {
  private readonly pieces: Uint8Array[] = [];
  constructor(private pending: string) {}

  add(s: string): void {
    this.pending += s;
    if (this.pending.length >= PIECE) {
      this.pieces.push(encoder.encode(this.pending));
      this.pending = '';
    }
  }

  finish(): Uint8Array[] {
    if (this.pending.length > 0) this.pieces.push(encoder.encode(this.pending));
    return this.pieces;
  }
}
