/**
 * The report's style sheet, inlined into the page (and into the webview under its nonce), so the
 * page needs nothing from the network. Meaning is never carried by colour alone: readings have
 * markers (● ▲ ▲▲ ▼ ▼▼ ○) and severities have icons and outline styles (solid, dashed, dotted); the
 * colours are from the Okabe–Ito palette, which stays distinct for the common colour-vision
 * deficiencies; on the light palettes the severities are darker shades of theirs, so that as text
 * they keep 4.5:1 against the tinted cells they sit on (WCAG AA). Light and dark follow
 * `prefers-color-scheme`, and VS Code's theme classes in the webview, where the media query follows
 * the OS rather than the editor's theme.
 */
import type { Severity } from '../types';
import type { Reading } from './matrix';
import { GAP_DASH, READING_MARKERS, SEVERITY_ICONS } from './symbols';

/**
 * Symbols drawn by the style sheet rather than written in every cell and finding: each repeats
 * words beside it or in its element's name for a screen reader (the reading, the severity's name),
 * so each has empty alternative text (after the "/"), and the line before it is for browsers that
 * do not know that form.
 */
function drawn(selector: string, symbol: string): string {
  return `${selector} { content: "${symbol}"; content: "${symbol}" / ""; }`;
}
const MARKERS = (Object.keys(READING_MARKERS) as Reading[]).map((r) => drawn(`.clm .clm-cell.clm-r-${r} > div::before`, READING_MARKERS[r].marker)).join('\n');
const ICONS = (Object.keys(SEVERITY_ICONS) as Severity[])
  .map((s) => drawn(`.clm .clm-findings > li.clm-sev-${s}::before, .clm a.clm-sev-${s}::before`, SEVERITY_ICONS[s]))
  .join('\n');

export const MATRIX_CSS = `
.clm {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --head-bg: #eef1f4; --cell-bg: #f8f9fa;
  --link: #0a58a8; --row-alt: #f3f5f7; --expected: rgba(0, 158, 115, 0.13); --box: rgba(0, 114, 178, 0.16); --box-line: #0072b2;
  --fits: #007a5a; --higher: #a96800; --much-higher: #c2410c; --lower: #1f7bb0; --much-lower: #0b4f8a; --unread: #6e7781;
  --fits-bg: rgba(0, 158, 115, 0.07); --higher-bg: rgba(230, 159, 0, 0.14); --much-higher-bg: rgba(213, 94, 0, 0.14);
  --lower-bg: rgba(86, 180, 233, 0.16); --much-lower-bg: rgba(0, 114, 178, 0.16); --unread-bg: transparent;
  --error: #a84300; --warning: #875900; --info: #005f99;
  color-scheme: light;
  background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  padding: 16px 20px 32px;
}
@media (prefers-color-scheme: dark) {
  .clm {
    --bg: #0f1419; --fg: #e6edf3; --muted: #9ba6b1; --border: #3a434d; --head-bg: #1b232c; --cell-bg: #151b22;
    --link: #7cb8f2; --row-alt: #141a21; --expected: rgba(0, 158, 115, 0.14); --box: rgba(86, 180, 233, 0.22); --box-line: #56b4e9;
    --fits: #3cc79d; --higher: #f0b429; --much-higher: #ff8a4c; --lower: #7cc8f2; --much-lower: #9db8ff; --unread: #8b949e;
    --fits-bg: rgba(0, 158, 115, 0.10); --higher-bg: rgba(230, 159, 0, 0.16); --much-higher-bg: rgba(213, 94, 0, 0.20);
    --lower-bg: rgba(86, 180, 233, 0.14); --much-lower-bg: rgba(86, 140, 233, 0.20);
    --error: #ff7b3a; --warning: #f0b429; --info: #6cb6ff;
    color-scheme: dark;
  }
}
.vscode-light .clm {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --head-bg: #eef1f4; --cell-bg: #f8f9fa;
  --link: #0a58a8; --row-alt: #f3f5f7; --expected: rgba(0, 158, 115, 0.13); --box: rgba(0, 114, 178, 0.16); --box-line: #0072b2;
  --fits: #007a5a; --higher: #a96800; --much-higher: #c2410c; --lower: #1f7bb0; --much-lower: #0b4f8a; --unread: #6e7781;
  --fits-bg: rgba(0, 158, 115, 0.07); --higher-bg: rgba(230, 159, 0, 0.14); --much-higher-bg: rgba(213, 94, 0, 0.14);
  --lower-bg: rgba(86, 180, 233, 0.16); --much-lower-bg: rgba(0, 114, 178, 0.16);
  --error: #a84300; --warning: #875900; --info: #005f99;
  color-scheme: light;
}
.vscode-dark .clm, .vscode-high-contrast .clm {
  --bg: #0f1419; --fg: #e6edf3; --muted: #9ba6b1; --border: #3a434d; --head-bg: #1b232c; --cell-bg: #151b22;
  --link: #7cb8f2; --row-alt: #141a21; --expected: rgba(0, 158, 115, 0.14); --box: rgba(86, 180, 233, 0.22); --box-line: #56b4e9;
  --fits: #3cc79d; --higher: #f0b429; --much-higher: #ff8a4c; --lower: #7cc8f2; --much-lower: #9db8ff; --unread: #8b949e;
  --fits-bg: rgba(0, 158, 115, 0.10); --higher-bg: rgba(230, 159, 0, 0.16); --much-higher-bg: rgba(213, 94, 0, 0.20);
  --lower-bg: rgba(86, 180, 233, 0.14); --much-lower-bg: rgba(86, 140, 233, 0.20);
  --error: #ff7b3a; --warning: #f0b429; --info: #6cb6ff;
  color-scheme: dark;
}
body { margin: 0; }
.clm *, .clm *::before, .clm *::after { box-sizing: border-box; }
.clm a { color: var(--link); }
.clm h1 { font-size: 1.5rem; margin: 0 0 4px; }
.clm h2 { font-size: 1.3rem; margin: 0 0 6px; overflow-wrap: anywhere; }
.clm h3 { font-size: 1.05rem; margin: 22px 0 8px; }
.clm .clm-sub { color: var(--muted); margin: 0 0 12px; }
.clm .clm-index { border-collapse: collapse; margin: 8px 0 20px; }
.clm .clm-index th, .clm .clm-index td { border-bottom: 1px solid var(--border); padding: 4px 10px; text-align: left; }
.clm .clm-index td.num { text-align: right; font-variant-numeric: tabular-nums; }
.clm .clm-file { border-top: 2px solid var(--border); padding-top: 14px; margin-top: 18px; }
.clm .clm-file:first-of-type { border-top: 0; margin-top: 0; }
/*
 * On the CLI's page, a section the reader has not scrolled to is neither styled nor laid out until
 * they do: a page of 1,000 files spent most of its 19 s load doing that for sections nobody was
 * looking at. The height is a folded section's, until the browser has seen the real one. Not in
 * the webview (its section is interactive), which keeps its scroll position across updates.
 */
.clm .clm-file:not(.clm-interactive) { content-visibility: auto; contain-intrinsic-size: auto 124px; }
.clm .clm-occ { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 4px 0 8px; }
.clm .clm-occ div { display: flex; gap: 6px; }
.clm .clm-occ dt { color: var(--muted); }
.clm .clm-occ dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.clm .clm-totals { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.clm .clm-count { font-weight: 600; }
.clm .clm-count.clm-sev-error { color: var(--error); }
.clm .clm-count.clm-sev-warning { color: var(--warning); }
.clm .clm-count.clm-sev-info { color: var(--info); }
.clm .clm-count.clm-zero { color: var(--muted); font-weight: 400; }
.clm .clm-skip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.clm .clm-skip:focus { position: static; width: auto; height: auto; clip-path: none; display: inline-block; margin: 4px 0; }
.clm .clm-note { border-left: 4px solid var(--info); background: var(--cell-bg); padding: 8px 12px; margin: 10px 0; }
.clm .clm-chart { max-width: 860px; display: block; font-size: 12px; }
.clm .clm-chart .clm-row { fill: var(--bg); }
.clm .clm-chart .clm-row-odd { fill: var(--row-alt); }
.clm .clm-chart .clm-expected { fill: var(--expected); }
.clm .clm-chart .clm-grid { stroke: var(--border); stroke-width: 1; fill: none; }
.clm .clm-chart .clm-box { fill: var(--box); stroke: var(--box-line); stroke-width: 1; }
.clm .clm-chart .clm-whisker { stroke: var(--box-line); stroke-width: 1.5; }
.clm .clm-chart .clm-mean { fill: var(--fg); stroke: var(--bg); stroke-width: 1.5; pointer-events: none; }
.clm .clm-chart circle { fill: var(--muted); stroke: var(--bg); stroke-width: 1; fill-opacity: 0.85; }
.clm .clm-chart circle.clm-r-fits { fill: var(--fits); }
.clm .clm-chart circle.clm-r-higher { fill: var(--higher); }
.clm .clm-chart circle.clm-r-much-higher { fill: var(--much-higher); }
.clm .clm-chart circle.clm-r-lower { fill: var(--lower); }
.clm .clm-chart circle.clm-r-much-lower { fill: var(--much-lower); }
.clm .clm-chart .clm-dot-error, .clm .clm-chart .clm-dot-warning, .clm .clm-chart .clm-dot-info { stroke: var(--fg); stroke-width: 2; }
.clm .clm-chart text { fill: var(--fg); }
.clm .clm-chart .clm-axis-label, .clm .clm-chart .clm-axis-note { text-anchor: end; }
.clm .clm-chart .clm-axis-tick, .clm .clm-chart .clm-axis-caption { text-anchor: middle; }
.clm .clm-chart .clm-axis-note, .clm .clm-chart .clm-axis-caption { fill: var(--muted); font-size: 11px; }
.clm .clm-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 10px; padding: 0; list-style: none; color: var(--muted); font-size: 12.5px; }
.clm .clm-legend .clm-marker { font-weight: 700; min-width: 1.2em; }
.clm .clm-legend .clm-sev-icon { min-width: 1.3em; }
.clm .clm-scroll { overflow-x: auto; position: relative; }
.clm .clm-matrix { border-collapse: separate; border-spacing: 6px; table-layout: fixed; width: 100%; min-width: 720px; margin: 0 -6px; }
/* At the start of the table, not centred over it: on a narrow screen the table scrolls, the caption need not. */
.clm .clm-matrix caption { text-align: left; max-width: calc(100vw - 40px); padding: 0 6px; }
.clm .clm-matrix th { text-align: left; vertical-align: top; font-weight: 600; }
.clm .clm-matrix thead th { background: var(--head-bg); border-radius: 6px; padding: 8px 10px; }
.clm .clm-matrix thead th.clm-thread-head { width: 11rem; }
.clm .clm-matrix .clm-level-meta { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.clm .clm-matrix tbody th { color: var(--muted); font-size: 12.5px; padding: 8px 4px 0 2px; overflow-wrap: anywhere; }
.clm .clm-matrix td { vertical-align: top; padding: 0; }
.clm .clm-matrix .clm-sep th { padding: 14px 2px 2px; color: var(--fg); font-size: 13px; border-bottom: 1px solid var(--border); }
/*
 * A thread's gap at a level: its words are for screen readers, moved out of the box it clips (a
 * catalogue has tens of thousands of gaps, so no element of their own), and the eye gets a dash.
 */
.clm .clm-gap { border: 1px dashed var(--border); border-radius: 6px; color: var(--muted); vertical-align: middle !important; font-size: 12px; position: relative; overflow: hidden; white-space: nowrap; text-indent: -999em; }
${drawn('.clm .clm-gap::before', GAP_DASH)}
.clm .clm-gap::before { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-indent: 0; }
.clm .clm-cell { background: var(--cell-bg); border: 1px solid var(--border); border-left-width: 5px; border-radius: 6px; padding: 6px 8px 7px; margin: 0 0 6px; font-size: 13px; overflow-wrap: anywhere; white-space: pre-wrap; }
.clm .clm-cell > :not(.clm-reveal) { white-space: normal; }
.clm .clm-cell:last-child { margin-bottom: 0; }
.clm .clm-cell:target { box-shadow: 0 0 0 3px var(--link); }
.clm .clm-interactive .clm-cell { cursor: pointer; }
.clm .clm-interactive .clm-cell:hover { box-shadow: 0 0 0 2px var(--link); }
.clm .clm-reveal { display: block; width: 100%; padding: 0; border: 0; background: none; color: inherit; font: inherit; text-align: left; cursor: pointer; overflow-wrap: anywhere; }
.clm .clm-reveal:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.clm .clm-cell.clm-r-fits { border-left-color: var(--fits); background: var(--fits-bg); }
.clm .clm-cell.clm-r-higher { border-left-color: var(--higher); background: var(--higher-bg); }
.clm .clm-cell.clm-r-much-higher { border-left-color: var(--much-higher); background: var(--much-higher-bg); }
.clm .clm-cell.clm-r-lower { border-left-color: var(--lower); background: var(--lower-bg); }
.clm .clm-cell.clm-r-much-lower { border-left-color: var(--much-lower); background: var(--much-lower-bg); }
.clm .clm-cell.clm-r-unread { border-left-color: var(--unread); border-left-style: dotted; }
.clm .clm-flag-error { outline: 3px solid var(--error); outline-offset: 1px; }
.clm .clm-flag-warning { outline: 3px dashed var(--warning); outline-offset: 1px; }
.clm .clm-flag-info { outline: 2px dotted var(--info); outline-offset: 1px; }
/* A cell is its reading (after the marker the style sheet draws), its statement as its own text, and its findings. */
.clm .clm-cell > div { font-size: 11.5px; color: var(--muted); margin-bottom: 2px; }
.clm .clm-marker, .clm .clm-cell > div::before { display: inline-block; min-width: 1.1em; margin-right: 0.3em; font-weight: 700; }
${MARKERS}
.clm .clm-r-fits > div::before, .clm .clm-legend .clm-r-fits { color: var(--fits); }
.clm .clm-r-higher > div::before, .clm .clm-legend .clm-r-higher { color: var(--higher); }
.clm .clm-r-much-higher > div::before, .clm .clm-legend .clm-r-much-higher { color: var(--much-higher); }
.clm .clm-r-lower > div::before, .clm .clm-legend .clm-r-lower { color: var(--lower); }
.clm .clm-r-much-lower > div::before, .clm .clm-legend .clm-r-much-lower { color: var(--much-lower); }
.clm .clm-r-unread > div::before, .clm .clm-legend .clm-r-unread { color: var(--unread); }
.clm .clm-cell b { font-weight: 600; }
/* A cell's findings: each rule, linked to its finding in the list, one to a line. */
.clm .clm-msgs { margin: 6px 0 0; padding: 5px 0 0; border-top: 1px solid var(--border); font-size: 12px; }
.clm .clm-msgs a { display: block; width: fit-content; font-weight: 600; text-decoration: none; overflow-wrap: anywhere; }
.clm .clm-msgs a + a { margin-top: 4px; }
.clm .clm-sev-icon, .clm a[class^="clm-sev-"]::before, .clm .clm-findings > li::before { display: inline-block; width: 1.2em; font-weight: 700; }
${ICONS}
.clm .clm-sev-error .clm-sev-icon, .clm a.clm-sev-error, .clm li.clm-sev-error > a, .clm .clm-findings > li.clm-sev-error::before { color: var(--error); }
.clm .clm-sev-warning .clm-sev-icon, .clm a.clm-sev-warning, .clm li.clm-sev-warning > a, .clm .clm-findings > li.clm-sev-warning::before { color: var(--warning); }
.clm .clm-sev-info .clm-sev-icon, .clm a.clm-sev-info, .clm li.clm-sev-info > a, .clm .clm-findings > li.clm-sev-info::before { color: var(--info); }
.clm .clm-findings { margin: 0; padding-left: 0; list-style: none; }
.clm .clm-findings li { padding: 6px 0 6px 8px; border-bottom: 1px solid var(--border); border-left: 3px solid transparent; overflow-wrap: anywhere; }
.clm .clm-findings li.clm-sev-error { border-left: 3px solid var(--error); }
.clm .clm-findings li.clm-sev-warning { border-left: 3px dashed var(--warning); }
.clm .clm-findings li.clm-sev-info { border-left: 3px dotted var(--info); }
.clm .clm-findings li:target { background: var(--head-bg); }
/* A finding's place, and each related place's: the first element of its item. */
.clm .clm-findings li > :first-child { font-variant-numeric: tabular-nums; margin-right: 6px; }
/* The places a finding names, under it: quieter than the finding, and without its borders. */
.clm .clm-findings li > ul { list-style: none; margin: 3px 0 0; padding: 0 0 0 1.2em; font-size: 12.5px; color: var(--muted); }
.clm .clm-findings li > ul > li { padding: 1px 0; border: 0; }
.clm .clm-findings li > ul > li::before { content: "↳ "; }
/* The rule's name is the link to its page: quiet as the name was, underlined so that it reads as a link. */
.clm .clm-findings a.clm-rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 11.5px; color: var(--muted); text-decoration: underline dotted; }
.clm .clm-findings a.clm-rule:hover { text-decoration: underline; }
.clm .clm-empty { color: var(--muted); }
.clm .clm-level-flags { display: block; margin-top: 4px; font-weight: 400; font-size: 12px; }
.clm .clm-level-flags a { text-decoration: none; }
.clm .clm-legend-link { margin: 0 0 10px; font-size: 12.5px; }
/* A folded section: its header stays in view, and the summary opens the rest. */
.clm .clm-fold > summary { cursor: pointer; margin: 10px 0 0; padding: 4px 0; font-weight: 600; }
/* A webview beside the editor is narrow: a slimmer thread column and tighter cells keep four levels readable. */
@media (max-width: 900px) {
  .clm { padding: 10px 12px 24px; font-size: 13px; }
  .clm .clm-matrix { min-width: 560px; border-spacing: 4px; margin: 0 -4px; }
  .clm .clm-matrix thead th.clm-thread-head { width: 6.5rem; }
  .clm .clm-matrix thead th { padding: 6px 7px; }
  .clm .clm-cell { font-size: 12.5px; padding: 5px 6px 6px; border-left-width: 4px; }
  .clm .clm-legend { font-size: 12px; gap: 2px 12px; }
}
@media print {
  /* Paper is white whatever the screen's scheme: the light palette, with darker text for toner. */
  .clm, .vscode-dark .clm, .vscode-high-contrast .clm {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --border: #b8c0c8; --head-bg: #eceff2; --cell-bg: #ffffff; --link: #000000;
    --row-alt: #f3f5f7; --expected: rgba(0, 158, 115, 0.13); --box: rgba(0, 114, 178, 0.16); --box-line: #0072b2;
    --fits: #007a5a; --higher: #a96800; --much-higher: #c2410c; --lower: #1f7bb0; --much-lower: #0b4f8a; --unread: #6e7781;
    --fits-bg: rgba(0, 158, 115, 0.07); --higher-bg: rgba(230, 159, 0, 0.14); --much-higher-bg: rgba(213, 94, 0, 0.14);
    --lower-bg: rgba(86, 180, 233, 0.16); --much-lower-bg: rgba(0, 114, 178, 0.16);
    --error: #a84300; --warning: #875900; --info: #005f99;
    color-scheme: light; padding: 0; font-size: 10pt;
  }
  /* Paper does not scroll: the tables take the page's width, long paths and titles wrapping to fit. */
  .clm .clm-scroll { overflow: visible; }
  .clm .clm-matrix { min-width: 0; font-size: 9pt; margin: 0; }
  .clm .clm-index { width: 100%; }
  .clm .clm-index td:first-child, .clm .clm-index td:nth-child(3) { overflow-wrap: anywhere; }
  .clm .clm-cell, .clm .clm-matrix tr, .clm .clm-findings li, .clm .clm-chart { break-inside: avoid; }
  .clm .clm-file { break-before: page; }
  .clm .clm-file:first-of-type { break-before: auto; }
  /* Paper cannot be opened: a folded section prints in full, without the summary that opens it
     (where the browser lets a style sheet reach a folded section's content: Chromium 131, Firefox 143, Safari 18.4). */
  .clm .clm-fold::details-content { display: block; content-visibility: visible; }
  .clm .clm-fold > summary { display: none; }
  .clm a { text-decoration: none; }
  .clm, .clm * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
