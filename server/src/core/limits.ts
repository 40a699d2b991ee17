/**
 * How large a document gets the full analysis: a module of its own so that the rules' registry
 * and the config check can use it too (the façade in service.ts imports the rules, so they cannot
 * import it). Rules learn whether their document is limited from their context (ctx.limited).
 */
import type { ResolvedConfig } from './config/types';

/**
 * Above this many bytes (of the text as UTF-8, which is what a framework file almost always is on
 * disk) the cheaper analysis runs, unless the config's `maxFileSize` says
 * otherwise. The full analysis costs about 1.5 s per MB of real-text statements (measured on
 * generated frameworks on a 2-core machine: 1 MB, 7,400 statements, 1.5 s; 2 MB 3.6 s; 4 MB 6.8 s),
 * and the editor runs it after every pause in typing: at 1 MB an edit gets its diagnostics in about
 * 1.5 s, at the old default of 8 MB it took some 14 s. The cheap rules take about 0.1 s per MB.
 * 1 MB is some 130 times the example export; a larger file is fully analysed when the config
 * raises the limit, in the editor and the CLI alike (they share the config).
 */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** The finding on a document above maxFileSize (service.ts): not a rule, but a suppression may name it. */
export const LARGE_FILE_NOTICE = 'large-file';

/** What the cheap rules check, in the notice's words and its setting's description. */
export const CHEAP_CHECKS = 'syntax, encoding, schema, metadata, exact duplicates';

export function maxFileSize(config: ResolvedConfig): number {
  return config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}

/**
 * Whether the text is above the limit and, when that took measuring it, its size in UTF-8 bytes,
 * which an edit's re-analysis updates by the edit alone (incremental.ts) instead of measuring the
 * whole text on every keystroke. A UTF-16 unit is 1 to 3 bytes of UTF-8, so most texts are decided
 * by their length; only one between a third of the limit and the limit is measured (a few ms per MB).
 */
export function sizeAgainstLimit(text: string, config: ResolvedConfig, known?: number): { limited: boolean; bytes?: number } {
  const max = maxFileSize(config);
  if (text.length > max) return { limited: true };
  if (text.length * 3 <= max) return { limited: false };
  const bytes = known ?? utf8Length(text);
  return { limited: bytes > max, bytes };
}

/**
 * The UTF-8 size of `after`, which is `before` with `edit` applied, from `before`'s size: the
 * bytes of the edited stretch and of one unchanged unit on each side (so that a surrogate pair the
 * edit joins or splits is counted as the whole text would count it) change, the rest does not.
 */
export function sizeAfterEdit(beforeBytes: number, before: string, after: string, edit: { start: number; end: number; newText: string }): number {
  const from = Math.max(0, edit.start - 1);
  const oldTo = Math.min(before.length, edit.end + 1);
  const newTo = Math.min(after.length, edit.start + edit.newText.length + 1);
  return beforeBytes - utf8Length(before.slice(from, oldTo)) + utf8Length(after.slice(from, newTo));
}

/** The text's length in UTF-8 bytes: a surrogate pair is 4 bytes, a lone surrogate 3 (as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // The pair's two units count 4 bytes together.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
