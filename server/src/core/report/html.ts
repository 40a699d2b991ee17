/**
 * The level matrix as HTML: one section per document (header with the occupation and the totals,
 * the scope chart, the matrix, the findings list), and a whole self-contained page around one or
 * more sections for the CLI. The same section markup is what the VS Code webview shows, so the two
 * cannot drift apart.
 *
 * Invariant: every string that comes from a document passes through `text()` or `attr()`; element
 * ids, classes and numbers are ours. The standalone page carries a Content-Security-Policy that
 * allows no script at all (it needs none: links and hover titles do the work), as a second wall
 * behind the escaping.
 */
import { attr, dataAttr, text } from './escape';
import { renderChart } from './chart';
import { MATRIX_CSS } from './styles';
import { GAP_DASH, GAP_WORDS, READING_MARKERS, SEVERITY_ICONS } from './symbols';
import { findingDocsUrl } from '../rules/index';
import type { MatrixCell, MatrixFinding, MatrixLevel, MatrixTotals, MatrixView, Reading } from './matrix';
import type { Severity } from '../types';

export { MATRIX_CSS };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface SectionOptions {
  /**
   * Cells select their statement in the editor (the webview): each statement's text is a button,
   * and each cell carries the statement's pointer and offsets for the webview to reveal it.
   */
  interactive?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderTotals(t: MatrixTotals): string {
  const part = (s: Severity, label: string) =>
    `<span class="clm-count clm-sev-${s}${t[s] === 0 ? ' clm-zero' : ''}"><span class="clm-sev-icon" aria-hidden="true">${SEVERITY_ICONS[s]}</span>${text(label)}</span>`;
  // "info", as the legend and the stylish report call it, and like it without a plural.
  return `${part('error', plural(t.error, 'error'))}${part('warning', plural(t.warning, 'warning'))}${part('info', `${t.info} info`)}`;
}

function readingLabel(c: MatrixCell, analysed: boolean): string {
  // Above maxFileSize the scope analysis did not run: no cell was read, whatever its wording.
  if (!analysed) return 'not read (the scope analysis did not run)';
  if (c.reading === 'unread') return 'no scope wording found';
  if (c.reading === 'fits') return `reads as ${c.readsAs ?? 'its level'}`;
  return `reads as ${c.readsAs ?? 'another level'}`;
}

/**
 * A cell's or a level header's link to its finding in the list, named by the finding's rule. Nothing
 * beside it names the severity in words (the list and the totals do), so the link's name for a
 * screen reader says it before the rule; the eye gets the severity's icon, which the style sheet
 * draws from the class.
 */
function findingLink(f: MatrixFinding): string {
  return `<a class="clm-sev-${f.severity}" href="#${attr(f.id)}" aria-label="${f.severity} ${attr(f.ruleId)}">${text(f.ruleId)}</a>`;
}

/**
 * A statement's text: the cell's own text on the CLI's page; in the webview a button of its own
 * that selects the statement in the editor, beside the cell's finding links rather than around
 * them: a cell made the button (role=button) held links, which ARIA forbids and which screen
 * readers then read as part of the button's name instead of as links one can follow. The hint says
 * what the button does, once per page. In a thread's row the row's header names the topic its
 * statements share; a cell repeats it only when its own differs.
 */
function renderStatementText(c: MatrixCell, hint: string | undefined, rowName: string | undefined): string {
  const content = `${c.topic && c.topic !== rowName ? `<b>${text(c.topic)}</b> — ` : ''}${text(c.body)}`;
  if (hint === undefined) return content;
  return `<button type="button" class="clm-text clm-reveal" aria-describedby="${attr(hint)}">${content}</button>`;
}

/**
 * One statement's cell: its reading, its statement, and its findings. A catalogue's page holds
 * tens of thousands of them, so a cell carries only what a reader or the webview uses, in as few
 * elements as will carry it. The reading's marker is drawn by the style sheet from the cell's
 * class (it repeats the reading's words, so a screen reader skips it). Its findings are named by
 * their rules, each linked to the finding in the list, which gives the message once for the cell
 * and the list. The statement's pointer and offsets are for the webview alone, which reveals the
 * statement in the editor.
 */
function renderCell(c: MatrixCell, hint: string | undefined, analysed: boolean, rowName?: string): string {
  const parts: string[] = [];
  parts.push(
    `<div class="clm-cell clm-r-${c.reading}${c.worst ? ` clm-flag-${c.worst}` : ''}" id="${attr(c.id)}"${hint !== undefined ? ` data-pointer="${dataAttr(c.pointer)}" data-start="${c.start}" data-end="${c.end}"` : ''}>`,
  );
  parts.push(`<div>${text(readingLabel(c, analysed))}</div>`);
  parts.push(renderStatementText(c, hint, rowName));
  // Each finding's rule, linked to the finding in the list, which says the rest.
  if (c.findings.length > 0) parts.push(`<p class="clm-msgs">${c.findings.map(findingLink).join('')}</p>`);
  parts.push('</div>');
  return parts.join('');
}

function renderLevelHead(l: MatrixLevel, interactive: boolean): string {
  const meta = [l.key.toLowerCase() !== l.name.toLowerCase() ? l.key : '', plural(l.cells.length, 'statement'), l.readsAs ? `reads as ${l.readsAs}` : '']
    .filter((x) => x)
    .join(' · ');
  const flags = l.findings.length
    ? `<span class="clm-level-flags">${l.findings.map((f) => `<span class="clm-sev-${f.severity}" title="${attr(f.message)}">${findingLink(f)}</span>`).join(' ')}</span>`
    : '';
  return `<th scope="col" id="${attr(l.id)}" class="clm-level${l.worst ? ` clm-flag-${l.worst}` : ''}"${interactive ? ` data-pointer="${dataAttr(l.pointer)}"` : ''}>${text(l.name)}<span class="clm-level-meta">${text(meta)}</span>${flags}</th>`;
}

/** The id of the webview's one description of what a statement's button does. */
function revealHintId(view: MatrixView): string {
  return `${view.idPrefix}-reveal-hint`;
}

function renderMatrixTable(view: MatrixView, interactive: boolean): string {
  const hint = interactive ? revealHintId(view) : undefined;
  const out: string[] = [];
  out.push('<div class="clm-scroll"><table class="clm-matrix">');
  out.push(`<caption class="clm-sub">${text(`${plural(view.levels.length, 'level')} in order of proficiency, ${plural(view.threadCount, 'thread')} across them`)}</caption>`);
  out.push('<thead><tr><th scope="col" class="clm-thread-head">Thread</th>');
  for (const l of view.levels) out.push(renderLevelHead(l, interactive));
  out.push('</tr></thead><tbody>');
  let looseStarted = false;
  for (const row of view.rows) {
    if (row.kind === 'loose' && !looseStarted) {
      looseStarted = true;
      out.push(`<tr class="clm-sep"><th colspan="${view.levels.length + 1}" scope="colgroup">Statements in no thread</th></tr>`);
    }
    out.push(`<tr class="clm-${row.kind}">`);
    // A statement in no thread has no row name; an empty row header would be read out as one.
    out.push(row.kind === 'thread' ? `<th scope="row">${text(row.name ?? '')}</th>` : '<td></td>');
    row.cells.forEach((list) => {
      if (list.length === 0) {
        // The style sheet draws a dash (the legend says what it means); a screen reader, which would
        // read "dash" or nothing, gets the words.
        out.push(row.kind === 'thread' ? `<td class="clm-gap">${GAP_WORDS}</td>` : '<td></td>');
      } else {
        out.push(`<td>${list.map((c) => renderCell(c, hint, !view.unread, row.name)).join('')}</td>`);
      }
    });
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  return out.join('');
}

/**
 * What the markers, outlines and dashes mean: above the matrix of a page with one document, and
 * once at the top of a page with several (`id` then names it for each section's link to it).
 */
function renderLegend(id?: string): string {
  const items = (Object.keys(READING_MARKERS) as Reading[]).map(
    (r) => `<li><span class="clm-marker clm-r-${r}" aria-hidden="true">${READING_MARKERS[r].marker}</span>${text(READING_MARKERS[r].legend)}</li>`,
  );
  const sev = (['error', 'warning', 'info'] as Severity[]).map(
    (s) => `<li class="clm-sev-${s}"><span class="clm-sev-icon" aria-hidden="true">${SEVERITY_ICONS[s]}</span>${s} (${s === 'error' ? 'solid' : s === 'warning' ? 'dashed' : 'dotted'} outline)</li>`,
  );
  // A gap's dash has no hover title (a catalogue has tens of thousands of gaps): the legend says what it is.
  const gap = `<li><span class="clm-marker" aria-hidden="true">${GAP_DASH}</span>${GAP_WORDS} in this thread</li>`;
  return `<ul class="clm-legend"${id ? ` id="${id}"` : ''} aria-label="Legend">${items.join('')}${sev.join('')}${gap}</ul>`;
}

/** The page's one legend on a page of several documents; each section links to it. */
const SHARED_LEGEND_ID = 'clm-legend';
const LEGEND_LINK = `<p class="clm-legend-link"><a href="#${SHARED_LEGEND_ID}">Legend of the markers and outlines</a></p>`;

function renderFindings(view: MatrixView): string {
  if (view.findings.length === 0) return '<p class="clm-empty">No findings.</p>';
  // Most severe first, each severity in document order, so the list reads as a to-do list.
  const ordered = [...view.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const items = ordered.map((f) => {
    const where = `${f.line}:${f.column}`;
    const link = f.target ? `<a href="#${attr(f.target)}">${where}</a>` : `<span>${where}</span>`;
    // The icon is drawn by the style sheet: the severity's name beside it says it in words.
    return `<li id="${attr(f.id)}" class="clm-sev-${f.severity}">${f.severity} ${link}${text(f.message)} ${ruleLink(f.ruleId)}${renderRelated(f)}</li>`;
  });
  return `<ol class="clm-findings">${items.join('')}</ol>`;
}

/**
 * The finding's rule, linked to its page, which explains what it finds, why it matters and how to
 * fix it, as the editor, SARIF and JUnit link to it. The address is ours, never a document's.
 */
function ruleLink(ruleId: string): string {
  return `<a class="clm-rule" href="${attr(findingDocsUrl(ruleId))}">${text(ruleId)}</a>`;
}

/**
 * The other places a finding names (the other copy of a duplicate, the level below), each linked to
 * its cell or level header: the message names them only by level and number, and a reviewer needs
 * to see the other statement to judge the finding, as the editor and the other formats let them.
 */
function renderRelated(f: MatrixFinding): string {
  if (f.related.length === 0) return '';
  const items = f.related.map((r) => {
    const where = `${r.line}:${r.column}`;
    const link = r.target ? `<a href="#${attr(r.target)}">${where}</a>` : `<span>${where}</span>`;
    return `<li>${link}${text(r.message)}</li>`;
  });
  return `<ul aria-label="Related places">${items.join('')}</ul>`;
}

function renderOccupation(view: MatrixView): string {
  const o = view.occupation;
  const rows: [string, string | undefined][] = [
    ['SOC code', o.soc],
    ['Title', o.title],
    ['Group', o.group],
    ['Job zone', o.jobZone],
  ];
  const shown = rows.filter(([, v]) => v !== undefined && v !== '');
  if (shown.length === 0) return '';
  return `<dl class="clm-occ">${shown.map(([k, v]) => `<div><dt>${k}</dt><dd>${text(v as string)}</dd></div>`).join('')}</dl>`;
}

/**
 * A document's section in the pieces a page puts together: its opening tag and header (title,
 * occupation, totals), then its body (chart, matrix, findings), which the legend or a link to the
 * page's legend joins (one piece when there is no matrix to explain). The CLI renders the pieces
 * in the thread that linted the file; the page decides, knowing how many files it shows, whether
 * the legend is the section's own and whether the body is folded (renderPagePieces).
 */
export interface SectionPieces {
  head: string;
  body: string[];
}

export function sectionPieces(view: MatrixView, options: SectionOptions = {}): SectionPieces {
  const head: string[] = [];
  const statements = view.levels.reduce((n, l) => n + l.cells.length, 0);
  head.push(`<section class="clm-file${options.interactive ? ' clm-interactive' : ''}" id="${attr(view.idPrefix)}">`);
  head.push('<header class="clm-file-head">');
  head.push(`<h2>${text(view.title)}</h2>`);
  head.push(renderOccupation(view));
  head.push(
    `<p class="clm-totals">${renderTotals(view.totals)}<span>${text(`${plural(statements, 'statement')} · ${plural(view.levels.length, 'level')}`)}</span></p>`,
  );
  head.push('</header>');
  // What comes before the legend's place, and after it.
  const before: string[] = [];
  const after: string[] = [];
  if (!view.isFramework || view.levels.length === 0) {
    after.push('<p class="clm-note">This document has no <code>framework.levels</code> to show as a matrix; its findings are listed below.</p>');
  } else {
    if (view.unread) {
      before.push('<p class="clm-note">The scope analysis did not run for this document (it is larger than the configured <code>maxFileSize</code>), so statements are shown without readings or threads.</p>');
    } else {
      before.push('<h3>Scope by level</h3>');
      // Every dot of the chart is a link, so a keyboard user would tab through all of them first.
      before.push(`<a class="clm-skip" href="#${attr(view.idPrefix)}-matrix">Skip the chart to the level matrix</a>`);
      before.push(renderChart(view));
    }
    before.push(`<h3 id="${attr(view.idPrefix)}-matrix">Level matrix</h3>`);
    if (options.interactive) after.push(`<span id="${attr(revealHintId(view))}" hidden>Selects the statement in the editor</span>`);
    after.push(renderMatrixTable(view, options.interactive === true));
  }
  after.push(`<h3>Findings</h3>`);
  after.push(renderFindings(view));
  const body = before.length > 0 ? [`${before.join('\n')}\n`, after.join('\n')] : [after.join('\n')];
  return { head: head.join('\n'), body };
}

/** The pieces as one section, its body joined by `legend` and, when `fold` is given, folded under it. */
function joinSection(pieces: SectionPieces, legend: string, fold?: string): string {
  const body = pieces.body.join(legend);
  return `${pieces.head}\n${fold === undefined ? body : `<details class="clm-fold"><summary>${fold}</summary>\n${body}\n</details>`}\n</section>`;
}

/** One document's section: header, chart, matrix and findings, with its own legend. */
export function renderSection(view: MatrixView, options: SectionOptions = {}): string {
  return joinSection(sectionPieces(view, options), `${renderLegend()}\n`);
}

/** The body of the VS Code webview: one section in the themed root, interactive. */
export function renderMatrixBody(view: MatrixView): string {
  return `<main class="clm" id="clm-root">${renderSection(view, { interactive: true })}</main>`;
}

export interface PageOptions {
  /** The tool's version, named in the page's header. */
  version: string;
  /** Text shown for a run that found no files. */
  emptyMessage?: string;
  /** Inputs that could not be linted (unreadable files, broken configs), listed under the header. */
  problems?: readonly string[];
  /**
   * The SHA-256 of MATRIX_CSS (base64), when the caller can compute it: the page's policy then
   * allows that one style sheet and no other, instead of any inline style.
   */
  styleHash?: string;
}

/** What the page's header and index say of one file: kept when its section is rendered, so that the
 * section can be made where the file is linted and the file's analysis let go (the CLI's html). */
export interface SectionSummary {
  idPrefix: string;
  title: string;
  soc?: string;
  occupationTitle?: string;
  statements: number;
  totals: MatrixTotals;
}

export function summaryOf(view: MatrixView): SectionSummary {
  return {
    idPrefix: view.idPrefix,
    title: view.title,
    soc: view.occupation.soc,
    occupationTitle: view.occupation.title,
    statements: view.levels.reduce((n, l) => n + l.cells.length, 0),
    totals: view.totals,
  };
}

function sum(files: readonly SectionSummary[]): MatrixTotals {
  const t: MatrixTotals = { error: 0, warning: 0, info: 0 };
  for (const v of files) (t.error += v.totals.error), (t.warning += v.totals.warning), (t.info += v.totals.info);
  return t;
}

function renderIndex(files: readonly SectionSummary[]): string {
  const rows = files.map(
    (v) =>
      `<tr><td><a href="#${attr(v.idPrefix)}">${text(v.title)}</a></td><td>${text(v.soc ?? '')}</td><td>${text(v.occupationTitle ?? '')}</td><td class="num">${v.statements}</td><td class="num">${v.totals.error}</td><td class="num">${v.totals.warning}</td><td class="num">${v.totals.info}</td></tr>`,
  );
  // The index scrolls on its own when its columns are wider than the screen (a phone, 200% zoom),
  // rather than the whole page scrolling sideways under every line of text.
  return `<nav aria-label="Files"><div class="clm-scroll"><table class="clm-index"><thead><tr><th scope="col">File</th><th scope="col">SOC code</th><th scope="col">Title</th><th scope="col">Statements</th><th scope="col"><span aria-hidden="true">${SEVERITY_ICONS.error}</span> Errors</th><th scope="col"><span aria-hidden="true">${SEVERITY_ICONS.warning}</span> Warnings</th><th scope="col"><span aria-hidden="true">${SEVERITY_ICONS.info}</span> Info</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></nav>`;
}

/**
 * A file's section, or, when its matrix is too long for one string (V8 stops near 512 M
 * characters: a framework of several hundred MB), a section that says so with the file's totals,
 * so that the page of the other files is still written. `render` is sectionPieces (a parameter
 * for the tests).
 */
export function sectionOrNote(view: MatrixView, render: (v: MatrixView) => SectionPieces = sectionPieces): SectionPieces {
  try {
    return render(view);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const summary = summaryOf(view);
    const head = [
      `<section class="clm-file" id="${attr(view.idPrefix)}">`,
      '<header class="clm-file-head">',
      `<h2>${text(view.title)}</h2>`,
      `<p class="clm-totals">${renderTotals(summary.totals)}<span>${text(plural(summary.statements, 'statement'))}</span></p>`,
      '</header>',
    ].join('\n');
    return { head, body: ['<p class="clm-note">This file’s level matrix and findings are too large to show on one page; <code>--format json</code> lists its findings.</p>'] };
  }
}

/** A whole page for one or more documents; self-contained, works offline from a file:// URL. */
export function renderPage(views: readonly MatrixView[], options: PageOptions): string {
  return renderPagePieces(views.map(summaryOf), views.map((v) => sectionPieces(v)), options).join('');
}

/**
 * On a page of several files, the sections after this many are folded: a reviewer of a catalogue
 * sees every file's title and totals at a glance, one after the other, and opens the ones to
 * read. Printing unfolds them all (the style sheet's print rules).
 */
const OPEN_SECTIONS = 3;

/** What a folded section's summary says: what opening it shows, with its count of findings. */
function foldSummary(file: SectionSummary): string {
  const findings = file.totals.error + file.totals.warning + file.totals.info;
  if (file.statements === 0) return findings === 0 ? 'No findings' : plural(findings, 'finding');
  return findings === 0 ? 'Level matrix (no findings)' : `Level matrix and ${plural(findings, 'finding')}`;
}

/**
 * The page as pieces in order: what comes before the sections, each section (put together from
 * its pieces), and what comes after. Joined, they are renderPage's page; written one by one, a
 * page longer than a string can be (a catalogue of large frameworks) is written all the same.
 */
export function renderPagePieces(files: readonly SectionSummary[], sections: readonly SectionPieces[], options: PageOptions): string[] {
  const several = files.length > 1;
  const title = files.length === 1 ? `Level matrix: ${files[0].title}` : `Level matrix: ${plural(files.length, 'file')}`;
  const body: string[] = [];
  body.push('<header class="clm-page-head">');
  // One file's section carries its own title and totals; the page header repeats them only for several.
  body.push(`<h1>${files.length === 1 ? 'Level matrix' : text(title)}</h1>`);
  const totals = files.length === 1 ? '' : renderTotals(sum(files));
  body.push(`<p class="clm-sub clm-totals">${totals}<span>${text(`${plural(files.length, 'file')} · competency-lint ${options.version}`)}</span></p>`);
  body.push('</header>');
  if (options.problems && options.problems.length > 0) {
    body.push(`<div class="clm-note"><strong>Not linted:</strong><ul>${options.problems.map((p) => `<li>${text(p)}</li>`).join('')}</ul></div>`);
  }
  // When inputs failed, the list above already says why nothing was linted (as stylish does).
  if (files.length === 0 && !(options.problems && options.problems.length > 0)) body.push(`<p class="clm-note">${text(options.emptyMessage ?? 'No framework files found to lint.')}</p>`);
  if (several) {
    // One legend for every section, rather than one per section (a thousandth of the bytes).
    body.push(renderLegend(SHARED_LEGEND_ID));
    body.push(renderIndex(files));
  }
  const head = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.styleHash ? `'sha256-${attr(options.styleHash)}'` : "'unsafe-inline'"}; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="competency-lint">',
    `<title>${text(title)}</title>`,
    `<style>${MATRIX_CSS}</style>`,
    '</head>',
    '<body>',
    `<main class="clm">${body.join('\n')}`,
  ].join('\n');
  const legend = several ? `${LEGEND_LINK}\n` : `${renderLegend()}\n`;
  // The sections, each after a line break, as body.join('\n') placed them.
  const shown = sections.map((s, i) => `\n${joinSection(s, legend, several && i >= OPEN_SECTIONS ? foldSummary(files[i]) : undefined)}`);
  return [head, ...shown, ['</main>', '</body>', '</html>', ''].join('\n')];
}
