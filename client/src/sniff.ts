/**
 * Whether a document looks like a framework, for the status bar only: the server makes the real
 * decision (and also honours `competencyLint.files`), but a clean framework has no diagnostics, so
 * the status bar needs its own cheap guess to show "0 findings" rather than nothing.
 */
export function looksLikeFramework(text: string): boolean {
  if (/"\$schema"\s*:\s*"[^"]*competency-framework/.test(text)) return true;
  return /"framework"\s*:/.test(text) && /"levels"\s*:/.test(text);
}
