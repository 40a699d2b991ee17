// Builds the compact reference data the core ships (server/src/core/data/generated/) from the
// public sources copied under data/reference/. Run with `npm run build:data`; the output is
// committed, so a build never needs this script, and a test checks the output is up to date.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = (f) => join(root, 'data/reference', f);
const outDir = join(root, 'server/src/core/data/generated');

function tsv(file) {
  const [head, ...rows] = readFileSync(src(file), 'utf8').split(/\r?\n/).filter(Boolean);
  const cols = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

// A small CSV reader: fields may be quoted and hold commas; the sources hold no quoted newlines.
function csv(file) {
  const lines = readFileSync(src(file), 'utf8').split(/\r?\n/).filter(Boolean);
  const split = (line) => {
    const out = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { out.push(cur); cur = ''; }
      else cur += c;
    }
    out.push(cur);
    return out;
  };
  const cols = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [cols[i], v])));
}

const zones = new Map(tsv('onet_30.0_job_zones.tsv').map((r) => [r['O*NET-SOC Code'], Number(r['Job Zone'])]));
const occupations = tsv('onet_30.0_occupation_data.tsv').map((r) => {
  const code = r['O*NET-SOC Code'];
  const o = { code, title: r.Title, description: r.Description };
  if (zones.has(code)) o.jobZone = zones.get(code);
  return o;
});

const jobZones = tsv('onet_30.0_job_zone_reference.tsv').map((r) => ({
  zone: Number(r['Job Zone']),
  name: r.Name,
  experience: r.Experience,
  education: r.Education,
  training: r['Job Training'],
  examples: r.Examples,
  svpRange: r['SVP Range'],
}));

// The export abbreviates SOC major group titles: "and" becomes "&", a trailing " Occupations" goes.
const abbreviate = (t) => t.replace(/ Occupations$/, '').replace(/\band\b/g, '&');
const majorGroups = csv('soc2018_major_groups.csv').map((r) => ({ prefix: r.prefix, title: r.title, abbreviated: abbreviate(r.title) }));

const sectors = csv('naics2022_sectors.csv').map((r) => ({ code: r.code, title: r.title }));

mkdirSync(outDir, { recursive: true });
const write = (name, data) => writeFileSync(join(outDir, name), JSON.stringify(data) + '\n');
write('occupations.json', occupations);
write('job-zones.json', jobZones);
write('soc-major-groups.json', majorGroups);
write('naics-sectors.json', sectors);
console.log(`reference data: ${occupations.length} occupations (${zones.size} with a job zone), ${jobZones.length} job zones, ${majorGroups.length} SOC major groups, ${sectors.length} NAICS sectors`);
