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
});
