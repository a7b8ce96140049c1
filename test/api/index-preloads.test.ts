import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

/*
 * The client's index.html as the server sends it, on both engines: one preload hint per catalogued layer's
 * GeoJSON (the page fetches every layer at once, client/src/main.tsx), each once, hints already in the file
 * kept as they are. The client directory is a made-up one with just an index.html.
 */

let app: TestApp;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-index-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title>\n    <link rel="preload" href="/api/layers/parks" as="fetch" crossorigin="anonymous" />\n  </head><body></body></html>');
  app = await startTestApp({ clientDir: dir });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('index.html', () => {
  it('hints every catalogued layer\'s GeoJSON once, before </head>', async () => {
    const catalogue = (await (await fetch(`${app.url}/api/layers`)).json()) as Array<{ id: string }>;
    expect(catalogue.length).toBeGreaterThan(3);
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const head = html.slice(0, html.indexOf('</head>'));
    const hinted = [...head.matchAll(/<link rel="preload" href="\/api\/layers\/([^"]+)" as="fetch" crossorigin="anonymous" \/>/g)].map((m) => decodeURIComponent(m[1]));
    expect([...hinted].sort()).toEqual(catalogue.map((l) => l.id).sort());
    // Every hint is a URL the API answers (what the page's fetch() then takes from the preload).
    for (const id of hinted.slice(0, 3)) expect((await fetch(`${app.url}/api/layers/${encodeURIComponent(id)}`)).status).toBe(200);
  });

  it('hints only the feature and the parks layers for a shared link to a feature, so its profile is not queued behind every layer', async () => {
    const catalogue = (await (await fetch(`${app.url}/api/layers`)).json()) as Array<{ id: string; theme: string }>;
    const hints = async (q: string) => {
      const html = await (await fetch(`${app.url}/${q}`)).text();
      return [...html.slice(0, html.indexOf('</head>')).matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map((m) => m[1]);
    };
    const parks = catalogue.filter((l) => l.theme === 'parks').map((l) => `/api/layers/${l.id}`);
    expect(parks.length).toBeGreaterThan(0);
    // (The test's index.html hints /api/layers/parks itself, ahead of the server's.)
    expect((await hints('?sel=park-biomed&lang=en')).sort()).toEqual(['/api/features/park-biomed', ...parks].sort());
    expect((await fetch(`${app.url}/api/features/park-biomed`)).status).toBe(200);
    // Not an id: the page is hinted as without a selection (nothing of the query string reaches the HTML).
    const all = await hints('?sel=%22%3E%3Cscript%3E');
    expect(all).toHaveLength(catalogue.length);
    expect(all.every((h) => h.startsWith('/api/layers/'))).toBe(true);
  });
});
