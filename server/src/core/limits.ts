/**
 * How large a document gets the full analysis: a module of its own so that rules can ask too (the
 * façade in service.ts imports the rules, so they cannot import it).
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

export function maxFileSize(config: ResolvedConfig): number {
  return config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}

/** Whether only the cheap rules run on a text this large (its size as UTF-8 above maxFileSize). */
export function isLimited(text: string, config: ResolvedConfig): boolean {
  const max = maxFileSize(config);
  // A UTF-16 unit is 1 to 3 bytes of UTF-8, so most texts are decided by their length alone; only
  // a text between a third of the limit and the limit is measured (a few ms per MB).
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Length(text) > max;
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
