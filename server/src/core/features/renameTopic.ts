/**
 * Renaming a topic: "Circulation procedures" becomes "Circulation services" in every statement that
 * carries it, at every level. A topic names one thread of the framework from the lowest level to the
 * highest, and an author who renames it at one level and forgets another splits the thread in two.
 * Statements carry the same topic when their topics are equal apart from case and spacing; the
 * threads the scope analysis links by shared words are not renamed, since "Budget tracking" and
 * "Organizational budget governance" are two topics an author chose to word differently.
 *
 * Each edit replaces the topic alone, so the marker, the separator as written and the body stay as
 * they are, and an escape elsewhere in the literal is not rewritten.
 */
import type { Statement } from '../model/types';
import { sameTopic, splitStatement } from '../model/statementParts';
import { literalOffset } from '../parse/literalOffset';
import type { AnalysisResult } from '../service';
import type { Range, TextEdit } from '../types';
import { statementAt } from './locate';

/** A topic under the cursor that can be renamed: its text and where it is in the document. */
export interface TopicTarget {
  statement: Statement;
  topic: string;
  range: Range;
}

/** Why there is nothing to rename where the user asked, in words an editor can show. */
export interface Refusal {
  refused: string;
}

/** The topic's offsets within a statement's text (after any list marker, without surrounding spaces). */
function topicSpan(s: Statement): Range | undefined {
  if (s.topic === undefined || !s.separatorSpan) return undefined;
  const from = s.marker ? s.marker.contentStart : 0;
  const start = s.text.indexOf(s.topic, from);
  if (start < 0 || start + s.topic.length > s.separatorSpan.start) return undefined;
  return { start, end: start + s.topic.length };
}

function documentRange(result: AnalysisResult, s: Statement, span: Range): Range {
  const text = result.doc.text;
  return {
    start: literalOffset(text, s.range.start, span.start, s.verbatim),
    end: literalOffset(text, s.range.start, span.end, s.verbatim),
  };
}

/**
 * The topic at `offset`, for an editor's "prepare rename": undefined when the offset is on no
 * statement, a refusal when it is on one that has no topic or outside the topic.
 */
export function topicAt(result: AnalysisResult, offset: number): TopicTarget | Refusal | undefined {
  const statement = statementAt(result, offset);
  if (!statement) return undefined;
  const span = topicSpan(statement);
  if (!span) return { refused: 'This statement has no topic to rename: only the "Topic" of "Topic — body" can be renamed.' };
  const range = documentRange(result, statement, span);
  if (offset < range.start || offset > range.end)
    return { refused: `Only a statement's topic can be renamed: put the cursor on "${statement.topic}".` };
  return { statement, topic: statement.topic!, range };
}

/** The statements that carry `topic`, in document order. */
export function statementsWithTopic(result: AnalysisResult, topic: string): Statement[] {
  return result.model.statements.filter((s) => s.topic !== undefined && sameTopic(s.topic, topic));
}

export interface TopicRename {
  /** The topic as it was under the cursor. */
  from: string;
  to: string;
  /** The statements renamed, in document order. */
  statements: Statement[];
  /** One edit per statement, replacing its topic. */
  edits: TextEdit[];
}

/**
 * Renames the topic at `offset` to `newName` in every statement that carries it. Refused when the
 * new name would not be read as a topic (empty, a line break, a separator of its own, too long):
 * the renamed statements would lose their topic rather than change it.
 */
export function renameTopic(result: AnalysisResult, offset: number, newName: string): TopicRename | Refusal | undefined {
  const target = topicAt(result, offset);
  if (!target || 'refused' in target) return target;
  const to = newName.trim();
  if (to === '') return { refused: 'A topic cannot be empty.' };
  if (/[\u0000-\u001f\u2028\u2029]/.test(to)) return { refused: 'A topic is one line: the new name holds a line break or another control character.' };
  const statements = statementsWithTopic(result, target.topic);
  const edits: TextEdit[] = [];
  for (const s of statements) {
    const span = topicSpan(s);
    if (!span) continue;
    const renamed = s.text.slice(0, span.start) + to + s.text.slice(span.end);
    // The new text must split at the same separator into the new topic and the same body, or the
    // statement would read differently: a dash in the name, or a name too long for a topic.
    const parts = splitStatement(renamed);
    if (parts.topic !== to || parts.body !== s.body)
      return { refused: `"${to}" would not be read as a topic (a topic is at most 8 words and 90 characters, with no em dash and no dash between spaces).` };
    const range = documentRange(result, s, span);
    edits.push({ start: range.start, end: range.end, newText: JSON.stringify(to).slice(1, -1) });
  }
  return { from: target.topic, to, statements, edits };
}
