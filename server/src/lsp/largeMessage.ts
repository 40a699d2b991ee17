/**
 * Decoding a large message (a document opened or replaced whole) with less memory at its peak.
 *
 * The usual way decodes the body's UTF-8 into one string and JSON.parse copies the document's text
 * out of it. A framework's text holds dashes and quotes outside Latin-1, so both strings take two
 * bytes a character: for a 20 MB document the body, the message string and the text come to some
 * 100 MB at once, above what the analysis that follows needs (bench/NOTES.md).
 *
 * Here the body is read as Latin-1, one byte a character, so the message string and the strings
 * JSON.parse makes from it are the size of the bytes. Every string that holds a byte above 127 is
 * then decoded from its UTF-8 bytes; a large one's bytes are written back into the body, and it is
 * decoded from there after a collection has freed the message string and the chunks the body was
 * read from: the text's two-byte string is only ever made beside the body.
 *
 * It gives exactly what the usual way gives when every `\u` escape in the body stands for an ASCII
 * character, because then a string's Latin-1 characters are its UTF-8 bytes. A body with any other
 * `\u` escape (which JSON.stringify never writes for a document's text, except for a lone surrogate)
 * is left to the usual way.
 */

/** Bodies at least this long take this way; below it the saving is smaller than a collection's cost. */
export const LARGE_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Strings at least this long are decoded through the body after a collection; shorter ones are decoded where they are. */
const LARGE_STRING_CHARS = 1024 * 1024;

const BACKSLASH_U = Buffer.from('\\u', 'latin1');

/**
 * True when every `\u` in the bytes is followed by the code of an ASCII character (0000-007F). An
 * escaped backslash before a "u" ("\\u") also counts as an escape here, which only sends such a
 * body the usual way.
 */
export function onlyAsciiEscapes(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(BACKSLASH_U); at !== -1; at = bytes.indexOf(BACKSLASH_U, at + 2)) {
    // "\u00" and then 0-7: below 0x80. Anything else, a malformed escape included, is not ours.
    if (bytes[at + 2] !== 0x30 || bytes[at + 3] !== 0x30) return false;
    const third = bytes[at + 4];
    if (third === undefined || third < 0x30 || third > 0x37) return false;
  }
  return true;
}

/**
 * The message in `body`, parsed from the body's Latin-1 reading with every string then given its
 * UTF-8 reading; throws what JSON.parse throws. The body is scratch space afterwards: each large
 * string's bytes are written back into it and decoded from there, so that no second buffer of the
 * text's size is made. `collect` runs once, when the message string and the first large string's
 * Latin-1 form are no longer reachable and the decoded text is not yet made.
 */
export function parseLargeBody(body: Buffer, collect: () => void, largeStringChars = LARGE_STRING_CHARS): unknown {
  // The message sits in an array of one, so that a message that is itself a string has a place too.
  const root = [parseLatin1(body)];
  const large = decodeSmallStrings(root, largeStringChars);
  let collected = false;
  for (const place of large) {
    const length = moveToScratch(place, body);
    if (!collected) {
      collected = true;
      collect();
    }
    place.holder[place.key as never] = body.toString('utf8', 0, length) as never;
  }
  return root[0];
}

/** JSON.parse of the body read as Latin-1, in a frame of its own so that nothing keeps the message string once it returns. */
function parseLatin1(body: Buffer): unknown {
  return JSON.parse(body.toString('latin1'));
}

/** Where a large string stands: an object's key or an array's index. */
interface Place {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

/** Writes the Latin-1 string at `place` into `scratch` as the bytes it stands for, and lets go of it; returns how many bytes. */
function moveToScratch(place: Place, scratch: Buffer): number {
  const length = scratch.write(place.holder[place.key as never] as string, 0, 'latin1');
  place.holder[place.key as never] = '' as never;
  return length;
}

/** `s` read as Latin-1 is a string of UTF-8 bytes; this is the string they encode. */
function decoded(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

/** True when `s` holds a character above 127 (a byte of a multi-byte UTF-8 sequence). */
function hasHighByte(s: string): boolean {
  return /[^\x00-\x7f]/.test(s);
}

/**
 * Gives every string of a message parsed from Latin-1 its UTF-8 reading, keys included, except the
 * large strings, whose places it returns: parseLargeBody decodes those through the scratch buffer.
 */
function decodeSmallStrings(root: unknown[], largeStringChars: number): Place[] {
  const large: Place[] = [];
  // Depth-first with a stack of its own: a message may nest as deep as JSON.parse allows.
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node, i);
      continue;
    }
    const record = node as Record<string, unknown>;
    let keysChange = false;
    for (const key of Object.keys(record)) {
      visit(record, key);
      if (hasHighByte(key)) keysChange = true;
    }
    if (keysChange) renameKeys(record, large);
  }
  return large;

  function visit(holder: Record<string, unknown> | unknown[], key: string | number): void {
    const v = holder[key as never] as unknown;
    if (typeof v === 'string') {
      if (v.length >= largeStringChars) large.push({ holder, key });
      else if (hasHighByte(v)) holder[key as never] = decoded(v) as never;
    } else if (typeof v === 'object' && v !== null) stack.push(v);
  }
}

/**
 * Gives an object's keys their UTF-8 reading, in their order ("__proto__" stays an own property), and
 * moves the places of its large strings with them. Invalid UTF-8 can make two keys one ("\xC3" and
 * "\xFF" both read U+FFFD); then, as JSON.parse does with a repeated key, the key stays where it
 * first stood and holds the last value, and the places of the values it no longer holds are dropped.
 */
function renameKeys(record: Record<string, unknown>, large: Place[]): void {
  const keys = Object.keys(record);
  const readings = new Map<string, string>();
  const values = new Map<string, unknown>();
  /** For each key as read, the raw key whose value it keeps (the last). */
  const kept = new Map<string, string>();
  for (const key of keys) {
    const reading = hasHighByte(key) ? decoded(key) : key;
    readings.set(key, reading);
    values.set(reading, record[key]);
    kept.set(reading, key);
  }
  for (let i = large.length - 1; i >= 0; i--) {
    const place = large[i];
    if (place.holder !== record) continue;
    const reading = readings.get(place.key as string)!;
    if (kept.get(reading) === place.key) place.key = reading;
    else large.splice(i, 1);
  }
  for (const key of keys) delete record[key];
  for (const [key, value] of values) Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
