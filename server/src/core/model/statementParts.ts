/**
 * Splits a statement into "Topic — body". Authors and generators write the em dash as an en dash,
 * "--" or a spaced hyphen; all are recognised here so that the format rules can point at the wrong
 * one while the rest of the analysis still sees the topic.
 */
import { hasMoreWords } from './whitespace';

export interface StatementParts {
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
  const head = text.slice(0, MAX_TOPIC_CHARS + 20);
  const m = SEPARATOR.exec(head);
  if (m && m.index > 0) {
    const topic = text.slice(0, m.index).trim();
    const bodyStart = m.index + m[0].length;
    if (topic.length > 0 && topic.length <= MAX_TOPIC_CHARS && bodyStart < text.length && !hasMoreWords(topic, MAX_TOPIC_WORDS)) {
      return {
        topic,
        separator: m[0].trim(),
        separatorSpan: { start: m.index, end: bodyStart },
        body: text.slice(bodyStart),
        bodyStart,
      };
    }
  }
  return { body: text, bodyStart: 0 };
}
