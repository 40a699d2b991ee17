/**
 * Fuzz cases as bytes on disk rather than JavaScript strings: what the CLI reads goes through
 * node/files.ts `decodeText` first (UTF-8 with or without a byte order mark, UTF-16 by its mark,
 * binary refused), so invalid UTF-8, a truncated multi-byte character, odd-length UTF-16 and stray
 * NUL bytes must all come out as a message or as text the core handles.
 */
import fc from 'fast-check';
import { decodeText, encodeText } from '../../server/src/node/files';
import { SEEDS, checkInvariants } from './cases';

const seedText = fc.constantFrom(...SEEDS);

/** Bytes that are never valid UTF-8 where they stand, alone or as a sequence. */
const BAD_UTF8: number[][] = [[0x80], [0xbf], [0xc0, 0x80], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8], [0xfe], [0xff], [0x00]];

function splice(bytes: Uint8Array, at: number, insert: readonly number[], remove = 0): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

const utf8 = seedText.map((s) => new Uint8Array(Buffer.from(s, 'utf8')));

/** UTF-8 with a bad byte sequence somewhere (the decoder must not throw, --fix must refuse). */
export const invalidUtf8 = utf8.chain((b) => fc.tuple(fc.nat({ max: b.length }), fc.constantFrom(...BAD_UTF8)).map(([at, bad]) => splice(b, at, bad)));

/** UTF-8 cut inside a multi-byte character (the example's em dashes are three bytes). */
export const cutUtf8 = utf8.chain((b) => fc.nat({ max: b.length }).map((n) => b.subarray(0, n)));

/** UTF-8 with a byte order mark, with CRLF line ends or not. */
export const bomUtf8 = fc.tuple(seedText, fc.boolean()).map(([s, crlf]) => new Uint8Array(Buffer.from('\ufeff' + (crlf ? s.replace(/\r?\n/g, '\r\n') : s), 'utf8')));

/** UTF-16 with its byte order mark, either order, sometimes cut to an odd length or with a byte flipped. */
export const utf16 = fc
  .tuple(seedText, fc.constantFrom<'utf16le' | 'utf16be'>('utf16le', 'utf16be'), fc.option(fc.nat(), { nil: undefined }), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { nil: undefined }))
  .map(([s, enc, cut, flip]) => {
    let b = new Uint8Array(encodeText('\ufeff' + s, enc));
    if (cut !== undefined) b = b.subarray(0, cut % (b.length + 1));
    if (flip && b.length > 2) {
      b = new Uint8Array(b);
      b[2 + (flip[0] % (b.length - 2))] = flip[1];
    }
    return b;
  });

/** UTF-16 without a mark (read as UTF-8: NUL bytes make it binary), and arbitrary bytes. */
export const unmarkedUtf16 = seedText.map((s) => new Uint8Array(Buffer.from(s, 'utf16le')));
export const anyBytes = fc.uint8Array({ maxLength: 600 });

export const BYTE_CASES = fc.oneof(invalidUtf8, cutUtf8, bomUtf8, utf16, unmarkedUtf16, anyBytes);

/**
 * What reading bytes promises: no exception; either a message (binary) or a text the core handles;
 * a text read without loss writes back to exactly the same bytes (so --fix changes only what its
 * edits cover), and a lossy read shows the replacement character where the bad bytes were.
 */
export function checkBytes(bytes: Uint8Array): void {
  const read = decodeText(bytes);
  if (!read.ok) {
    if (!read.message) throw new Error('a refused file must say why');
    return;
  }
  const { text, encoding, lossy } = read.value;
  if (!lossy && !Buffer.from(encodeText(text, encoding)).equals(Buffer.from(bytes))) throw new Error(`${encoding} text read without loss does not write back to the same bytes`);
  if (lossy && !text.includes('\ufffd')) throw new Error('a lossy read must show the replacement character');
  checkInvariants(text);
}
