/**
 * Splits a statement into "Topic — body". Authors and generators write the em dash as an en dash,
 * "--" or a spaced hyphen; all are recognised here so that the format rules can point at the wrong
 * one while the rest of the analysis still sees the topic. A leading list marker ("• ", "1. ",
 * "E1) ") is read past in the same way: it is neither topic nor body, so topics match across levels
 * however each level was numbered, and statement-list-marker points it out.
 */
import { hasMoreWords } from './whitespace';
import { listMarker, type ListMarker } from './listMarker';

export interface StatementParts {
  /** The leading list marker, when the statement starts with one. */
  marker?: ListMarker;
  topic?: string;
  separator?: string;
  separatorSpan?: { start: number; end: number };
  body: string;
  bodyStart: number;
}

/** A topic is a short noun phrase; a longer prefix is more likely a sentence with a dash in it. */
const MAX_TOPIC_WORDS = 8;
const MAX_TOPIC_CHARS = 90;

// An em dash counts with any spacing; the look-alikes only between spaces, so "check-in" and
// "2019–2020" are not separators. Bounded quantifiers keep the match linear.
const SEPARATOR = /[ \t]{0,8}\u2014[ \t]{0,8}|[ \t]{1,8}(?:\u2013|--|-)[ \t]{1,8}/;

export function splitStatement(text: string): StatementParts {
  const marker = listMarker(text);
  const from = marker ? marker.contentStart : 0;
  const head = text.slice(from, from + MAX_TOPIC_CHARS + 20);
  const m = SEPARATOR.exec(head);
  if (m && m.index > 0) {
    const at = from + m.index;
    const topic = text.slice(from, at).trim();
    const bodyStart = at + m[0].length;
    if (topic.length > 0 && topic.length <= MAX_TOPIC_CHARS && bodyStart < text.length && !hasMoreWords(topic, MAX_TOPIC_WORDS)) {
      return {
        ...(marker ? { marker } : {}),
        topic,
        separator: m[0].trim(),
        separatorSpan: { start: at, end: bodyStart },
        body: text.slice(bodyStart),
        bodyStart,
      };
    }
  }
  // Without a topic the body is what follows the marker: its first word is the statement's leading verb.
  return marker ? { marker, body: text.slice(from), bodyStart: from } : { body: text, bodyStart: 0 };
}

/** Topics are the same apart from case and runs of spaces (a rename renames them together). */
export function sameTopic(a: string, b: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
  return a.length > 0 && norm(a) === norm(b);
}
