/**
 * O*NET, SOC and NAICS reference data, built by scripts/build-reference.mjs from data/reference/
 * and bundled with the core. Attribution: this product includes information from the O*NET 30.0
 * Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA),
 * used under the CC BY 4.0 license; SOC (U.S. BLS) and NAICS (U.S. Census Bureau) are public domain.
 */
import occupationsJson from './generated/occupations.json';
import jobZonesJson from './generated/job-zones.json';
import majorGroupsJson from './generated/soc-major-groups.json';
import sectorsJson from './generated/naics-sectors.json';

export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET 30.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';

export interface OnetOccupation {
  code: string;
  title: string;
  description: string;
  jobZone?: number;
}

export interface JobZone {
  zone: number;
  name: string;
  experience: string;
  education: string;
  training: string;
  examples: string;
  svpRange: string;
}

export interface SocMajorGroup {
  prefix: string;
  title: string;
  /** The export's form of the title: "and" as "&", without " Occupations". */
  abbreviated: string;
}

export interface NaicsSector {
  code: string;
  title: string;
}

export interface ReferenceData {
  readonly occupations: readonly OnetOccupation[];
  readonly jobZones: readonly JobZone[];
  readonly majorGroups: readonly SocMajorGroup[];
  readonly sectors: readonly NaicsSector[];
  occupation(code: string): OnetOccupation | undefined;
  jobZone(zone: number): JobZone | undefined;
  /** The SOC major group of an occupation code (its first two digits), whatever the rest of the code. */
  majorGroupOf(socCode: string): SocMajorGroup | undefined;
  sector(code: string): NaicsSector | undefined;
}

function indexBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t), t]));
}

export function createReferenceData(): ReferenceData {
  const occupations = occupationsJson as OnetOccupation[];
  const jobZones = jobZonesJson as JobZone[];
  const majorGroups = majorGroupsJson as SocMajorGroup[];
  const sectors = sectorsJson as NaicsSector[];
  const byCode = indexBy(occupations, (o) => o.code);
  const byZone = indexBy(jobZones, (z) => String(z.zone));
  const byPrefix = indexBy(majorGroups, (g) => g.prefix);
  const bySector = indexBy(sectors, (s) => s.code);
  return {
    occupations,
    jobZones,
    majorGroups,
    sectors,
    occupation: (code) => byCode.get(code),
    jobZone: (zone) => byZone.get(String(zone)),
    majorGroupOf: (socCode) => byPrefix.get(socCode.slice(0, 2)),
    sector: (code) => bySector.get(code),
  };
}

/** The one shared instance: the data is immutable, so every analysis can use it. */
export const REFERENCE: ReferenceData = createReferenceData();
