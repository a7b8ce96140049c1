/**
 * Build seeds/structures.json: the named systems and structures of the five documents (“4+2”产业,
 * 两园两基地, 一核三极三城 …) that the discrepancy computation compares.
 *
 *   npx tsx seeds/extract/structures.ts
 *
 * The server's extractor (server/src/documents/extract.ts) finds every candidate with its quote; this
 * script keeps the reviewed ones below and gives each its subject and system where the text alone does
 * not say (004's “3+2” names the biomedicine industry of 生物医药产业园; its “一园一基地” is the port park's
 * grain base, see the note). lib.quote() turns the extractor's paragraph quote into the verbatim slice of
 * the document, so a structure whose text is not in the document makes the script fail.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, quote, writeJson, type Cite } from './lib';
import { splitParagraphs, textLines } from '../../server/src/documents/paragraphs';
import { extractSuggestions } from '../../server/src/documents/extract';

interface Review { doc: string; name: string; subject_type: string; subject_id: string; system: string; note?: string }

/** The reviewed structures: which of the extractor's finds are kept, and whose they are. */
const REVIEWED: Review[] = [
  { doc: '000', name: '1+4+N', subject_type: 'district', subject_id: 'gaogang', system: 'industry-system' },
  { doc: '000', name: '4+2', subject_type: 'feature', subject_id: 'park-biomed', system: 'industry-system' },
  { doc: '004', name: '3+2', subject_type: 'feature', subject_id: 'park-biomed', system: 'industry-system',
    note: '004 speaks of the district’s biomedicine industry (生物医药), which 000 gives to 生物医药产业园.' },
  { doc: '000', name: '两园两基地', subject_type: 'feature', subject_id: 'park-port', system: 'spatial-layout' },
  { doc: '004', name: '一园一基地', subject_type: 'feature', subject_id: 'park-port', system: 'spatial-layout',
    note: '004 places grain deep-processing and functional food (益海, 汇福; the designated port for imported grain) in the port logistics park.' },
  { doc: '000', name: '一轴两廊三区', subject_type: 'feature', subject_id: 'park-chemical', system: 'spatial-structure' },
  { doc: '002', name: '一核三极、双城多轴', subject_type: 'district', subject_id: 'gaogang', system: 'spatial-structure' },
  { doc: '002', name: '一核三极三城', subject_type: 'city', subject_id: 'taizhou', system: 'spatial-structure',
    note: '002: the central city’s layout that the district links to.' },
  { doc: '003', name: '一轴一核三极三城', subject_type: 'city', subject_id: 'taizhou', system: 'spatial-structure' },
  { doc: '004', name: '一核一轴三极三城', subject_type: 'city', subject_id: 'taizhou', system: 'spatial-structure' },
  { doc: '001', name: '1+2+N', subject_type: 'city', subject_id: 'taizhou', system: 'health-layout' },
  { doc: '004', name: '2+4+N', subject_type: 'district', subject_id: 'gaogang', system: 'health-layout' },
];

export interface StructureRecord { id: string; subject_type: string; subject_id: string; system: string; name: string; cite: Cite; note?: string }

export function buildStructures(): StructureRecord[] {
  const docs = JSON.parse(readFileSync(join(SEEDS_DIR, 'documents.json'), 'utf8')) as Array<{ id: string; file: string; level: string }>;
  const out: StructureRecord[] = [];
  for (const d of docs) {
    const paras = splitParagraphs(textLines(readFileSync(join(SEEDS_DIR, 'documents', d.file), 'utf8')));
    const found = extractSuggestions(paras, { subjects: [], level: d.level });
    const seen = new Set<string>();
    for (const s of found) {
      if (s.type !== 'structure') continue;
      const r = REVIEWED.find((x) => x.doc === d.id && x.name === s.proposal.name);
      if (!r) continue;
      const cite = quote(d.id, s.quote);
      if (seen.has(cite.quote)) continue;
      seen.add(cite.quote);
      const n = out.filter((x) => x.subject_id === r.subject_id && x.system === r.system && x.cite.doc === d.id).length;
      out.push({ id: `${r.subject_id}-${r.system}-${d.id}${n ? `-${n + 1}` : ''}`, subject_type: r.subject_type, subject_id: r.subject_id, system: r.system, name: r.name, cite, ...(r.note ? { note: r.note } : {}) });
    }
  }
  for (const r of REVIEWED) if (!out.some((x) => x.cite.doc === r.doc && x.name === r.name)) throw new Error(`the extractor no longer finds ${r.doc} “${r.name}”`);
  return out;
}

function main(): void {
  const recs = buildStructures();
  writeJson('structures.json', recs);
  console.log(`wrote seeds/structures.json: ${recs.length} structures`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
