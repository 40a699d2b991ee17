/**
 * Document links: the occupation's O*NET-SOC code opens the occupation's page on O*NET OnLine
 * (Ctrl+click in VS Code, or in any client that asks for document links), where a reviewer
 * checks the title, the tasks and the job zone the export claims. Only a code O*NET lists gets a
 * link, since any other would lead to a page that does not exist.
 */
import { REFERENCE, type ReferenceData } from '../data/reference';
import { wellFormedSoc } from '../rules/util';
import type { AnalysisResult } from '../service';
import type { Range } from '../types';

export interface DocumentLink {
  /** The code inside its quotes. */
  range: Range;
  target: string;
  tooltip: string;
}

/** O*NET OnLine's permanent address of an occupation's summary. */
export function onetOnlineUrl(soc: string): string {
  return `https://www.onetonline.org/link/summary/${soc}`;
}

export function documentLinks(result: AnalysisResult, reference: ReferenceData = REFERENCE): DocumentLink[] {
  const field = result.model.occupation?.soc;
  const soc = wellFormedSoc(result.model.occupation);
  if (!field || soc === undefined) return [];
  const occupation = reference.occupation(soc);
  if (!occupation) return [];
  // The code as written, without its quotes (a string field's range holds them).
  const range = { start: field.range.start + 1, end: field.range.end - 1 };
  return [{ range, target: onetOnlineUrl(soc), tooltip: `${occupation.title} on O*NET OnLine` }];
}
