import fs from 'node:fs';
import { splitParagraphs, textLines } from './server/src/documents/paragraphs.js';
import { extractSuggestions, type SubjectName } from './server/src/documents/extract.js';
const docs = JSON.parse(fs.readFileSync('seeds/documents.json', 'utf8'));
const chains = JSON.parse(fs.readFileSync('seeds/chains.json', 'utf8'));
const subjects: SubjectName[] = chains.map((c: any) => ({ subject_type: 'chain', subject_id: c.id, names: [c.name_zh] }));
for (const l of ['parks', 'zones', 'sites', 'structure', 'green']) {
  for (const f of JSON.parse(fs.readFileSync(`geodata/${l}.geojson`, 'utf8')).features) subjects.push({ subject_type: 'feature', subject_id: f.id, names: [f.properties.name_zh, ...(f.properties.aliases ?? [])] });
}
const counts: Record<string, number> = {};
for (const d of docs) {
  const ps = splitParagraphs(textLines(fs.readFileSync('seeds/documents/' + d.file, 'utf8')));
  const t0 = performance.now();
  const s = extractSuggestions(ps, { subjects, level: d.level, asOfYear: d.as_of_year });
  console.log(d.id, s.length, Math.round(performance.now() - t0), 'ms');
  for (const x of s) { counts[x.pattern] = (counts[x.pattern] ?? 0) + 1; if (x.pattern !== 'year-table' && (process.argv[2] === 'all' || x.type === 'structure' || x.pattern === 'area')) console.log('  ', x.pattern, JSON.stringify(x.proposal), '«' + x.quote + '»'); }
}
console.log(counts);
