import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/database.js';
import { LayersRepository } from '../layers/layers.repository.js';
import { ViewsRepository } from '../views/views.repository.js';
import { HttpError } from '../http/problem.js';
import { fontFaces } from './fonts.js';

interface LayerRow {
  id: string;
  style: { visible?: boolean };
}
interface StepView {
  id: string;
  title: string;
  note: string;
  state: { layers: Array<{ id: string; visible: boolean }> };
}
interface BriefingDoc {
  id: string;
  title: string;
  subtitle: string;
  steps: Array<{ view_id: string; caption: string }>;
  views: StepView[];
}

/** The characters the presenter's own chrome draws (counter, buttons), so their font files come along. */
const UI_CHARS = '0123456789 /‹›×—·-.,:;()（）、，。：；“”';
/** MapLibre swaps （ ） 、 … for vertical forms on vertical CJK labels (see client/src/lib/fonts.ts). */
const VERTICAL_FORMS = String.fromCodePoint(...Array.from({ length: 10 }, (_, i) => 0xfe10 + i), ...Array.from({ length: 32 }, (_, i) => 0xfe30 + i));

/** `</script` inside inlined text would end the element early. */
const scriptSafe = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
/** JSON inside a script element: every `<` as \u003c (valid JSON, and no `</script` or `<!--` can form). */
const jsonSafe = (s: string) => s.replace(/</g, '\\u003c');
const htmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** What an export is made of, for the size report. */
export interface PortableExport {
  html: string;
  layers: string[];
  fontFiles: number;
}

/** Builds the one-file portable briefing from the built presenter (`<clientDir>/portable/`), the briefing and its layers' data. */
export class PortableService {
  constructor(private readonly db: Queryable, private readonly bundleDir: string | null) {}

  /** Built files, read once per build (keyed by path and mtime): an export should cost queries, not disk reads. */
  private readonly assets = new Map<string, { mtimeMs: number; text: string }>();

  private asset(name: string): string {
    const file = this.bundleDir ? path.join(this.bundleDir, name) : null;
    const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat) {
      throw new HttpError(503, 'Service Unavailable', 'The portable presenter is not built: run `npm run build` (npm start and npm test do it).');
    }
    const hit = this.assets.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit.text;
    const raw = fs.readFileSync(file, 'utf8');
    const text = name.endsWith('.mjs') ? Buffer.from(raw, 'utf8').toString('base64') : raw;
    this.assets.set(file, { mtimeMs: stat.mtimeMs, text });
    return text;
  }

  /** The HTML file of briefing `id`, or null when there is no such briefing. */
  async export(id: string): Promise<PortableExport | null> {
    const views = new ViewsRepository(this.db);
    const text = await views.getBriefing(id);
    if (!text) return null;
    const briefing = JSON.parse(text) as BriefingDoc;
    const script = this.asset('portable.js');
    const css = this.asset('portable.css');
    // The worker goes in as base64 (see asset()): it is started from a data: URL.
    const worker = this.asset('maplibre-gl-worker.mjs');

    // The layers the briefing shows: visible in some step (a layer a view omits keeps its default).
    const layersRepo = new LayersRepository(this.db);
    const catalogue = JSON.parse(await layersRepo.catalogue()) as LayerRow[];
    const stepViews = briefing.steps.map((s) => briefing.views.find((v) => v.id === s.view_id)).filter((v): v is StepView => !!v);
    const shown = catalogue.filter((l) =>
      stepViews.some((v) => {
        const c = v.state.layers.find((x) => x.id === l.id);
        return c ? c.visible : l.style.visible ?? true;
      }),
    );
    const data: Record<string, unknown> = {};
    let labels = '';
    for (const l of shown) {
      const body = await layersRepo.features(l.id);
      const fc = JSON.parse(body) as { features: Array<{ properties: { name_zh?: string; name_en?: string } }> };
      for (const f of fc.features) labels += `${f.properties.name_zh ?? ''}${f.properties.name_en ?? ''}`;
      data[l.id] = fc;
    }
    const texts = [briefing.title, briefing.subtitle, ...briefing.steps.map((s) => s.caption), ...stepViews.flatMap((v) => [v.title, v.note])].join('');
    const fonts = fontFaces(`${labels}${texts}${UI_CHARS}${VERTICAL_FORMS}`, `${texts}${labels}${UI_CHARS}`);
    const payload = { briefing, layers: shown, data, generatedAt: new Date().toISOString() };

    const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="产业空间一张图 Industrial Space Atlas — portable briefing">
<title>${htmlEscape(briefing.title)}</title>
<style>${fonts.css}</style>
<style>${css}</style>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#f4f3ef;font-family:'Noto Sans SC',sans-serif}#map{position:absolute;inset:0}</style>
</head>
<body>
<div id="map" role="region" aria-label="${htmlEscape(briefing.title)}"></div>
<script type="application/json" id="atlas-portable-data">${jsonSafe(JSON.stringify(payload))}</script>
<script type="text/plain" id="atlas-portable-worker">${worker}</script>
<script>${scriptSafe(script)}</script>
</body>
</html>
`;
    return { html, layers: shown.map((l) => l.id), fontFiles: fonts.files };
  }
}
