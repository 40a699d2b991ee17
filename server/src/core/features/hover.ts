/**
 * Hovers that explain: a statement's level, topic, scope reading with its evidence, its thread at the
 * other levels and its findings (duplicates among them), and the copies of it found elsewhere; O*NET's view of `soc`, `title`, `jobZone`
 * and `sector`, and the SOC major group of `group`; a level key's label, size, reading and findings;
 * elsewhere the schema's description.
 */
import { EMPTY_CONFIG, type ResolvedConfig } from '../config/types';
import { ONET_ATTRIBUTION, REFERENCE } from '../data/reference';
import type { Level, Statement } from '../model/types';
import type { AnalysisResult } from '../service';
import type { Finding, Range } from '../types';
import { findingsIn, levelKeyAt, levelName, nodeAt, statementAt, statementTitle } from './locate';
import { levelReadsAs, levelScope, scopeOf, statementScope } from './reading';
import { threadFor } from '../analysis/scope/analysis';
import { explainStatement } from '../explain';
import { levelAt } from '../analysis/scope/describe';
import { schemaAt, schemaDocs } from './schemaInfo';
import { wellFormedSoc } from '../rules/util';
import { sectorCodes } from '../rules/naics-sector';
import { statementName } from '../analysis/duplicates/index';
import { distinctLevelName } from '../model/levelName';

const SECTOR_CODES = sectorCodes(REFERENCE);

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  range: Range;
}

export function hover(result: AnalysisResult, offset: number, options: { config?: ResolvedConfig } = {}): HoverResult | undefined {
  if (offset < 0 || offset > result.doc.text.length) return undefined;
  const config = options.config ?? EMPTY_CONFIG;
  const statement = statementAt(result, offset);
  if (statement) return { markdown: statementHover(result, statement, config), range: statement.range };
  const level = levelKeyAt(result, offset);
  if (level) return { markdown: levelHover(result, level, config), range: level.keyRange };

  const at = nodeAt(result, offset);
  if (!at) return undefined;
  const range = { start: at.node.offset, end: at.node.offset + at.node.length };
  const path = at.path.map(String).join('/');
  const schema = schemaDocs(schemaAt(at.path));
  const occ = result.model.occupation;
  let domain: string | undefined;
  if (path === 'occupation/soc' && typeof occ?.soc?.value === 'string') domain = socHover(occ.soc.value);
  else if (path === 'occupation/title' && typeof occ?.title?.value === 'string') domain = titleHover(occ.title.value, wellFormedSoc(occ));
  else if (path === 'occupation/group' && typeof occ?.group?.value === 'string') domain = groupHover(occ.group.value, wellFormedSoc(occ));
  else if (path === 'occupation/jobZone' && typeof occ?.jobZone?.value === 'number') domain = jobZoneHover(occ.jobZone.value, wellFormedSoc(occ), occ.jobZoneInferred?.value === true);
  else if (path === 'occupation/sector' && typeof occ?.sector?.value === 'string') domain = sectorHover(occ.sector.value);
  const markdown = [domain, schema].filter(Boolean).join('\n\n---\n\n');
  return markdown ? { markdown, range } : undefined;
}

const SEVERITY_MARK: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

function findingLines(findings: Finding[], max = 10): string {
  const lines = findings.slice(0, max).map((f) => `- ${SEVERITY_MARK[f.severity]} \`${f.ruleId}\`: ${escapeMarkdown(f.message)}`);
  if (findings.length > max) lines.push(`- and ${findings.length - max} more`);
  return lines.join('\n');
}

/** Escapes the characters that would turn quoted text into markup (a statement with `*` or `_`). */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

function statementHover(result: AnalysisResult, s: Statement, config: ResolvedConfig): string {
  const level = result.model.levels[s.levelIndex];
  const scope = scopeOf(result, config);
  const ss = statementScope(scope, s);
  const parts: string[] = [];
  const levelCount = result.model.levels.length;
  // Named as the findings name levels: a label two levels share is told apart by the key, or the
  // hover would say "sits at Emerging" of the level its own findings call "Emerging (developing)".
  const nameOf = (l: Level) => distinctLevelName(l, result.model.levels);
  parts.push(`**${escapeMarkdown(nameOf(level))}** statement ${s.index + 1} of ${level.statements.length} (level ${(ss?.rank ?? s.levelIndex) + 1} of ${levelCount})`);
  if (s.topic) parts.push(`Topic: **${escapeMarkdown(s.topic)}**`);

  const ex = scope && ss ? explainStatement(scope, ss) : undefined;
  if (scope && ss && ex) {
    const here = nameOf(level);
    if (ex.readsAs !== undefined && ex.estimate !== undefined) {
      // By rank, not by name: two levels may carry the same label.
      const verdict = levelAt(scope, ex.estimate).rank === ss.rank ? `reads as **${escapeMarkdown(ex.readsAs)}**, where it sits` : `reads as **${escapeMarkdown(ex.readsAs)}**, but sits at ${escapeMarkdown(here)}`;
      parts.push(`Scope: ${verdict} (estimated level ${(ex.estimate + 1).toFixed(1)} of ${levelCount}).`);
    } else {
      parts.push('Scope: no wording that places it on the scale of scope was found.');
    }
    if (ex.evidence.length > 0) {
      const ev = ex.evidence.slice(0, 8).map((e) => `- “${escapeMarkdown(e.phrase)}” — ${e.axis}: ${escapeMarkdown(e.reading)}, reads as ${escapeMarkdown(e.readsAs)}`);
      parts.push(`Evidence:\n${ev.join('\n')}`);
    }
    if (ex.wordingLike && ex.wordingLike !== here) parts.push(`Its wording is most like the statements of ${escapeMarkdown(ex.wordingLike)}.`);
    if (ex.register) parts.push(`It says what is done (${escapeMarkdown(`'${ex.register.doing}'`)}) where the rest of its level only says what is understood (${escapeMarkdown(ex.register.understood.map((u) => `'${u}'`).join(', '))}).`);
    const thread = threadFor(scope, ss);
    if (thread) {
      const others = thread.members.map((m) => scope.statements[m]).filter((x) => x.statement !== s);
      if (others.length > 0) {
        const lines = others.slice(0, 8).map((x) => `- *${escapeMarkdown(nameOf(result.model.levels[x.statement.levelIndex]))}*: ${escapeMarkdown(x.statement.text)}`);
        parts.push(`Thread **${escapeMarkdown(thread.name)}** at the other levels:\n${lines.join('\n')}`);
      }
      const missing = scope.levels.filter((l) => !thread.ranks.includes(l.rank)).map((l) => nameOf(l.level));
      if (missing.length > 0 && missing.length < scope.levels.length) parts.push(`The thread has no statement at ${escapeMarkdown(missing.join(', '))}.`);
    }
  }
  const findings = findingsIn(result, s.range);
  if (findings.length > 0) parts.push(`Findings:\n${findingLines(findings)}`);
  const copies = repeatedElsewhere(result, s);
  if (copies) parts.push(`Repeated elsewhere:\n${copies}`);
  return parts.join('\n\n');
}

/**
 * The duplicate findings on other statements that name this one. A duplicate is reported on its
 * later copies only, so without these lines the hover of the first copy said nothing of the others,
 * and an author reading it would not know that it is repeated.
 */
function repeatedElsewhere(result: AnalysisResult, s: Statement, max = 10): string | undefined {
  const named = result.findings.filter((f) => f.category === 'duplicate' && f.pointer !== s.pointer && f.related?.some((r) => r.pointer === s.pointer));
  if (named.length === 0) return undefined;
  const { statements, levels } = result.model;
  const lines = named.slice(0, max).map((f) => {
    const at = statements.find((x) => x.pointer === f.pointer);
    const where = at ? ` at ${escapeMarkdown(statementName(at, levels))}` : '';
    return `- ${SEVERITY_MARK[f.severity]} \`${f.ruleId}\`${where}: ${escapeMarkdown(f.message)}`;
  });
  if (named.length > max) lines.push(`- and ${named.length - max} more`);
  return lines.join('\n');
}

function levelHover(result: AnalysisResult, level: Level, config: ResolvedConfig): string {
  const scope = scopeOf(result, config);
  const ls = levelScope(scope, level);
  const parts: string[] = [];
  const rank = ls?.rank ?? level.index;
  parts.push(`Level **${escapeMarkdown(levelName(level))}** (\`${escapeMarkdown(level.key)}\`), level ${rank + 1} of ${result.model.levels.length}`);
  parts.push(`${level.statements.length} statement${level.statements.length === 1 ? '' : 's'}`);
  const reads = levelReadsAs(scope, level);
  if (reads) {
    const here = distinctLevelName(level, result.model.levels);
    parts.push(scope && levelAt(scope, reads.rank).rank === rank ? `Reads as **${escapeMarkdown(reads.name)}**, as it should.` : `Reads as **${escapeMarkdown(reads.name)}** on average, not ${escapeMarkdown(here)}.`);
  }
  if (level.statements.length > 0) {
    const topics = level.statements.slice(0, 12).map((s) => `- ${escapeMarkdown(statementTitle(s))}`);
    if (level.statements.length > 12) topics.push(`- and ${level.statements.length - 12} more`);
    parts.push(topics.join('\n'));
  }
  const findings = result.findings.filter(
    (f) => (f.range.start >= level.keyRange.start && f.range.end <= level.range.end) || f.pointer === level.pointer || f.pointer.startsWith(level.pointer + '/'),
  );
  parts.push(findings.length > 0 ? `${findings.length} finding${findings.length === 1 ? '' : 's'}:\n${findingLines(findings)}` : 'No findings.');
  return parts.join('\n\n');
}

function socHover(code: string): string | undefined {
  const o = REFERENCE.occupation(code);
  if (!o) {
    const group = REFERENCE.majorGroupOf(code);
    return `\`${escapeMarkdown(code)}\` is not an O\\*NET-SOC occupation code.${group ? ` Its first two digits are the SOC major group ${escapeMarkdown(group.title)}.` : ''}`;
  }
  const zone = o.jobZone !== undefined ? REFERENCE.jobZone(o.jobZone) : undefined;
  const group = REFERENCE.majorGroupOf(code);
  return [
    `**${escapeMarkdown(o.title)}** (O\\*NET-SOC ${o.code})`,
    escapeMarkdown(o.description),
    group ? `Group: ${escapeMarkdown(group.abbreviated)}` : undefined,
    zone ? `${escapeMarkdown(zone.name)}` : 'O\\*NET gives no job zone for this occupation.',
    `_${escapeMarkdown(ONET_ATTRIBUTION)}_`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** O*NET's title for the document's code, and whether this title is it (occupation-title says more). */
function titleHover(title: string, soc: string | undefined): string | undefined {
  const o = soc === undefined ? undefined : REFERENCE.occupation(soc);
  if (!o) return undefined;
  const verdict = title === o.title ? 'This title is O\\*NET’s.' : 'This title differs from it: see the `occupation-title` finding.';
  return [`O\\*NET’s title for ${o.code}: **${escapeMarkdown(o.title)}**`, verdict, `_${escapeMarkdown(ONET_ATTRIBUTION)}_`].join('\n\n');
}

/** The SOC major group of the document's code, in full and in the export's abbreviated form. */
function groupHover(group: string, soc: string | undefined): string | undefined {
  const major = soc === undefined ? undefined : REFERENCE.majorGroupOf(soc);
  if (!major) return undefined;
  const verdict = group === major.abbreviated ? 'This group is it, in the export’s abbreviated form.' : `Exports write it “${escapeMarkdown(major.abbreviated)}”: see the \`occupation-group\` finding.`;
  return [`SOC major group ${major.prefix}-0000 of ${soc}: **${escapeMarkdown(major.title)}** (U.S. Bureau of Labor Statistics)`, verdict].join('\n\n');
}

function jobZoneHover(value: number, soc: string | undefined, inferred: boolean): string | undefined {
  const z = REFERENCE.jobZone(value);
  if (!z) return `\`${value}\` is not a job zone: O\\*NET’s job zones run from 1 to 5.`;
  // As the title and group hovers do, say when O*NET gives the document's occupation another zone.
  const onet = soc === undefined ? undefined : REFERENCE.occupation(soc);
  const other =
    onet?.jobZone !== undefined && onet.jobZone !== value
      ? `O\\*NET gives ${soc} **Job Zone ${onet.jobZone}**, not ${value}${inferred ? '; this zone is marked inferred (`jobZoneInferred`), the author’s own estimate.' : ': see the `job-zone` finding.'}`
      : undefined;
  return [
    ...(other ? [other] : []),
    `**${escapeMarkdown(z.name)}**`,
    `**Experience:** ${escapeMarkdown(z.experience)}`,
    `**Education:** ${escapeMarkdown(z.education)}`,
    `**Training:** ${escapeMarkdown(z.training)}`,
    `**Examples:** ${escapeMarkdown(z.examples)}`,
    `_${escapeMarkdown(ONET_ATTRIBUTION)}_`,
  ].join('\n\n');
}

function sectorHover(code: string): string | undefined {
  // Each code inside a range ("48" of "48-49") is the sector, as the naics-sector rule reads it.
  const s = SECTOR_CODES.get(code);
  if (!s) return `\`${escapeMarkdown(code)}\` is not a NAICS 2022 sector.`;
  return `**${escapeMarkdown(s.title)}** — NAICS 2022 sector \`${s.code}\` (U.S. Census Bureau).`;
}
