/**
 * The symbols the report draws: a marker per reading and an icon per severity. The legend writes
 * them out, and the style sheet draws them in every cell and finding (styles.ts builds those rules
 * from this table), so the legend and what it explains cannot disagree.
 */
import type { Severity } from '../types';
import type { Reading } from './matrix';

export const READING_MARKERS: Record<Reading, { marker: string; legend: string }> = {
  fits: { marker: '●', legend: 'reads at its own level' },
  higher: { marker: '▲', legend: 'reads about one level higher' },
  'much-higher': { marker: '▲▲', legend: 'reads about two or more levels higher' },
  lower: { marker: '▼', legend: 'reads about one level lower' },
  'much-lower': { marker: '▼▼', legend: 'reads about two or more levels lower' },
  unread: { marker: '○', legend: 'no scope wording to read' },
};

export const SEVERITY_ICONS: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** What a thread's gap at a level says to a screen reader; the eye sees GAP_DASH. */
export const GAP_WORDS = 'no statement at this level';
export const GAP_DASH = '—';
