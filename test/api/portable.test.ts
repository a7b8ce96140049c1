import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

/*
 * GET /api/briefings/:id/export.html on both engines: one self-contained file (no external script,
 * style, font or data reference), carrying the briefing, the GeoJSON of exactly the layers its steps
 * show and only the font files its characters need. The presenter bundle comes from the client build
 * (npm test builds it; ATLAS_CLIENT_DIR as for the browser suites). The browser suite opens the file.
 */

const portableDir = path.resolve(process.env.ATLAS_CLIENT_DIR ?? 'dist/client', 'portable');
let app: TestApp;
let ed: Session;
beforeAll(async () => {
  if (!fs.existsSync(path.join(portableDir, 'portable.js'))) throw new Error(`${portableDir} is missing: build the client first (vite build --config client/vite.config.ts).`);
  // The client directory as served (so /embed and its headers are there too); the presenter is in its portable/.
  app = await startTestApp({ clientDir: path.dirname(portableDir) });
  ed = await signIn(app, 'portable-editor', 'editor');
});
afterAll(async () => {
  await app?.close();
});

const state = (zoom: number, layers: Array<{ id: string; visible: boolean; opacity: number }>) => ({
  camera: { center: [119.92, 32.4], zoom, bearing: 0, pitch: 0 },
  layers,
  selected: null,
  highlighted: [],
  filters: {},
  lang: 'zh',
  basemap: 'offline',
});

describe('portable briefing export', () => {
  it('is one HTML file with the briefing, its layers\' data, the presenter, the worker and font subsets inlined', async () => {
    const catalogue = (await (await fetch(`${app.url}/api/layers`)).json()) as Array<{ id: string }>;
    // Every layer off except parks in one step and roads in the other.
    const only = (on: string) => catalogue.map((l) => ({ id: l.id, visible: l.id === on, opacity: 1 }));
    const v1 = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: '园区', state: state(11, only('parks')) }) })).json()) as { id: string };
    const v2 = (await (await ed.fetch('/api/views', { method: 'POST', body: JSON.stringify({ title: '道路', state: state(12, only('roads')) }) })).json()) as { id: string };
    const b = (await (
      await ed.fetch('/api/briefings', { method: 'POST', body: JSON.stringify({ title: '便携汇报 </script><b>', subtitle: 'USB', steps: [{ view_id: v1.id, caption: '第一步' }, { view_id: v2.id, caption: '第二步' }] }) })
    ).json()) as { id: string };

    const res = await fetch(`${app.url}/api/briefings/${b.id}/export.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${b.id}.html"`);
    const html = await res.text();
    expect(Number(res.headers.get('x-atlas-portable-bytes'))).toBe(Buffer.byteLength(html, 'utf8'));
    expect(res.headers.get('x-atlas-portable-layers')!.split(',').sort()).toEqual(['parks', 'roads']);

    // Nothing is fetched: no external script, stylesheet, image or font reference.
    // (Booleans, not toMatch: a failure must not print a 4 MB file.)
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+href=/i.test(html)).toBe(false);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    expect(styles.length).toBeGreaterThan(10000);
    expect(/url\(\s*(?!["']?data:)/i.test(styles)).toBe(false);
    // The title cannot break out of its elements.
    expect(html.includes('<title>便携汇报 &lt;/script&gt;&lt;b&gt;</title>')).toBe(true);
    expect(html.match(/<\/script>/gi)?.length).toBe(3);

    const data = JSON.parse(/<script type="application\/json" id="atlas-portable-data">([\s\S]*?)<\/script>/.exec(html)![1]) as {
      briefing: { title: string; steps: Array<{ caption: string }>; views: unknown[] };
      layers: Array<{ id: string }>;
      data: Record<string, { features: unknown[] }>;
    };
    expect(data.briefing.title).toBe('便携汇报 </script><b>');
    expect(data.briefing.steps.map((s) => s.caption)).toEqual(['第一步', '第二步']);
    expect(data.briefing.views).toHaveLength(2);
    expect(Object.keys(data.data).sort()).toEqual(['parks', 'roads']);
    const parks = (await (await fetch(`${app.url}/api/layers/parks`)).json()) as { features: unknown[] };
    expect(data.data.parks.features).toHaveLength(parks.features.length);

    // The worker is there (base64) and the font files are a subset of the 200+ of Noto Sans SC 400/700.
    expect(/<script type="text\/plain" id="atlas-portable-worker">([A-Za-z0-9+/=]{100000,})<\/script>/.test(html)).toBe(true);
    const faces = html.match(/@font-face\{/g)?.length ?? 0;
    const fontFiles = Number(res.headers.get('x-atlas-portable-font-files'));
    expect(faces).toBe(fontFiles);
    expect(fontFiles).toBeGreaterThan(5);
    expect(fontFiles).toBeLessThan(150);
  });

  it('answers 404 for an unknown briefing and 400 for a malformed id', async () => {
    const missing = await fetch(`${app.url}/api/briefings/brief-0000000000/export.html`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${app.url}/api/briefings/${encodeURIComponent('../etc')}/export.html`)).status).toBe(400);
  });
});

describe('/embed', () => {
  it('may be framed by other sites; every other page only by the app itself', async () => {
    const embed = await fetch(`${app.url}/embed?briefing=brief-x`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    const home = await fetch(`${app.url}/`);
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(home.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
  });
});
