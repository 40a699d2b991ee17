/**
 * The scope chart: one row per level, each statement a dot placed where its wording reads on the
 * scale of the document's own levels, with the middle half of the level as a box and the level's
 * mean reading as a diamond. The shaded band in each row is where the level's statements should
 * read, so a level whose box does not sit to the right of the one below it stands out at once.
 * Inline SVG with classes for colour, so the page's light and dark styles apply to it. A catalogue's
 * page draws a thousand of these, so the bands and the grid are one path each, the text's
 * alignment is the style sheet's, and a dot's tip is there only to explain a dot whose place
 * differs from its cell's reading: the dot links to the statement's cell, which says the rest.
 */
import { attr, text } from './escape';
import type { MatrixView } from './matrix';

const WIDTH = 760;
const LEFT = 150;
const RIGHT = 24;
const TOP = 8;
const ROW = 40;
const AXIS = 34;

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Shortens a level name for the row label; the full name is in the label's title. */
function clip(name: string, max = 20): string {
  const chars = [...name];
  return chars.length <= max ? name : chars.slice(0, max - 1).join('') + '…';
}

export function renderChart(view: MatrixView): string {
  const n = view.levels.length;
  if (n === 0 || view.unread) return '';
  const plot = WIDTH - LEFT - RIGHT;
  const height = TOP + n * ROW + AXIS;
  const x = (rank: number) => LEFT + ((Math.max(-0.5, Math.min(n - 0.5, rank)) + 0.5) / n) * plot;
  const out: string[] = [];
  const label = `Where each level's statements read on the scale of this document's levels, lowest level at the top. ${view.levels
    .map((l) => `${l.name}: ${l.readsAs !== undefined ? `reads as ${l.readsAs}` : 'not read'}`)
    .join('; ')}.`;
  out.push(
    `<svg class="clm-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${attr(label)}" preserveAspectRatio="xMinYMin meet">`,
  );
  // The rows, every other one shaded, and in each the column where its statements are expected to read.
  const band = (left: number, y: number, width: number) => `M${fmt(left)} ${y}h${fmt(width)}v${ROW}h${fmt(-width)}z`;
  const rows = view.levels.map((_level, i) => TOP + i * ROW);
  out.push(`<rect class="clm-row" x="${LEFT}" y="${TOP}" width="${plot}" height="${n * ROW}"/>`);
  if (n > 1) out.push(`<path class="clm-row-odd" d="${rows.filter((_y, i) => i % 2).map((y) => band(LEFT, y, plot)).join('')}"/>`);
  out.push(`<path class="clm-expected" d="${rows.map((y, i) => band(x(i - 0.5), y, plot / n)).join('')}"/>`);
  const grid: string[] = [];
  for (let b = 0; b <= n; b++) grid.push(`M${fmt(x(b - 0.5))} ${TOP}V${TOP + n * ROW}`);
  out.push(`<path class="clm-grid" d="${grid.join('')}"/>`);
  view.levels.forEach((level, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    const values = level.cells.map((c) => c.standalone).filter((v): v is number => v !== undefined);
    const unread = level.cells.length - values.length;
    // The full name is the label's tip when the label had to be shortened.
    const label = clip(level.name);
    out.push(`<text class="clm-axis-label" x="${LEFT - 8}" y="${fmt(cy - (unread ? 3 : -4))}">${label === level.name ? '' : `<title>${text(level.name)}</title>`}${text(label)}</text>`);
    if (unread) out.push(`<text class="clm-axis-note" x="${LEFT - 8}" y="${fmt(cy + 11)}">${unread} not read</text>`);
    if (values.length >= 2) {
      const sorted = [...values].sort((a, b) => a - b);
      const q1 = x(quantile(sorted, 0.25));
      const q3 = x(quantile(sorted, 0.75));
      out.push(`<line class="clm-whisker" x1="${fmt(x(sorted[0]))}" x2="${fmt(x(sorted[sorted.length - 1]))}" y1="${fmt(cy)}" y2="${fmt(cy)}"/>`);
      out.push(`<rect class="clm-box" x="${fmt(q1)}" y="${fmt(cy - 9)}" width="${fmt(Math.max(1, q3 - q1))}" height="18" rx="2"/>`);
    }
    level.cells.forEach((c, k) => {
      if (c.standalone === undefined) return;
      // A fixed spread keeps dots at the same reading apart, and the same between runs.
      const dy = ((k * 7) % 5) - 2;
      const cls = `clm-r-${c.reading}${c.worst ? ` clm-dot-${c.worst}` : ''}`;
      // The dot is where the statement's wording alone places it; the reading the cell shows also
      // weighs which level's statements it resembles, so the two may name different levels, and
      // then the tip says both rather than let the dot seem to contradict the cell. Where they
      // agree, the band the dot sits in says it all, and the dot has no tip, which a catalogue's
      // page would repeat tens of thousands of times.
      const alone = view.levels[Math.max(0, Math.min(n - 1, Math.round(c.standalone)))].name;
      const tip = c.readsAs === undefined || c.readsAs === alone ? '' : `<title>${text(`its wording alone reads as ${alone}; with the statements it resembles, as ${c.readsAs}`)}</title>`;
      out.push(`<a href="#${attr(c.id)}"><circle class="${cls}" cx="${fmt(x(c.standalone))}" cy="${fmt(cy + dy * 3)}" r="${c.worst ? 5 : 4}">${tip}</circle></a>`);
    });
    if (level.reading !== undefined) {
      const mx = x(level.reading);
      out.push(
        `<path class="clm-mean" d="M${fmt(mx)} ${fmt(cy - 8)} L${fmt(mx + 6)} ${fmt(cy)} L${fmt(mx)} ${fmt(cy + 8)} L${fmt(mx - 6)} ${fmt(cy)} Z"><title>${text(`${level.name}: mean reading ${level.readsAs ?? ''}`)}</title></path>`,
      );
    }
  });
  const axisY = TOP + n * ROW;
  view.levels.forEach((level, i) => {
    out.push(`<text class="clm-axis-tick" x="${fmt(x(i))}" y="${axisY + 16}">${text(clip(level.name, 16))}</text>`);
  });
  out.push(`<text class="clm-axis-caption" x="${fmt(LEFT + plot / 2)}" y="${axisY + 30}">reads as → (shaded: where the level should read)</text>`);
  out.push('</svg>');
  return out.join('');
}
