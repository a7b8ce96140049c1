import http from 'node:http';

export interface Editor {
  cookie: string;
  csrf: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  editors: Editor[];
  /** Features the editors write to (and readers read). */
  features: string[];
  /** Layers whose tiles and OGC items are read. */
  layers: string[];
  /** Share of virtual-user iterations that are an edit (read the version, PATCH with If-Match). */
  editShare?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  statuses: Record<string, number>;
  /** 5xx, connection errors and unexpected statuses: must be empty. */
  errors: string[];
  errorCount: number;
  edits: { ok: number; conflicts: number };
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Acknowledged writes: feature → versions acknowledged (for checking nothing was lost). */
  acked: Record<string, number[]>;
}

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A closed-loop load generator over keep-alive connections (node:http, one socket per virtual user):
 * a mix of reads (layers, features, tiles, OGC items, search, history) and edits with If-Match.
 * 412 on an edit is the expected answer to a lost race, not an error; 429, 5xx and resets are errors.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const base = new URL(o.url);
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  let errorCount = 0;
  const edits = { ok: 0, conflicts: 0 };
  const acked: Record<string, number[]> = {};
  const editShare = o.editShare ?? 0.15;
  const deadline = Date.now() + o.durationMs;
  const t0 = performance.now();
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];

  const fail = (what: string) => {
    errorCount++;
    if (errors.length < 30) errors.push(what);
  };
  const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const start = performance.now();
      const req = http.request({ host: base.hostname, port: base.port, method, path, agent, headers: body ? { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          lat.push(performance.now() - start);
          statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers });
        });
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error('timeout after 60 s')));
      req.on('error', reject);
      req.end(body);
    });

  const reads = () => {
    const f = pick(o.features);
    const layer = pick(o.layers);
    return pick([
      '/api/layers',
      `/api/features/${f}`,
      `/api/features/${f}`,
      `/api/features/${f}/history`,
      `/tiles/${layer}/12/${3410 + Math.floor(rnd() * 4)}/${1657 + Math.floor(rnd() * 4)}.mvt`,
      `/tiles/${layer}/10/${852 + Math.floor(rnd() * 2)}/${414 + Math.floor(rnd() * 2)}.mvt`,
      `/ogc/collections/${layer}/items?limit=20`,
      '/api/search?q=%E5%9B%AD',
      '/api/chains',
    ]);
  };

  async function user(n: number) {
    const editor = o.editors[n % o.editors.length];
    while (Date.now() < deadline) {
      /** The request in flight, named in a connection error. */
      let current = '';
      try {
        if (rnd() < editShare) {
          const f = pick(o.features);
          current = `GET /api/features/${f}`;
          const cur = await request('GET', `/api/features/${f}`);
          if (cur.status !== 200) {
            fail(`GET /api/features/${f} → ${cur.status} ${cur.body.slice(0, 200)}`);
            continue;
          }
          const v = (JSON.parse(cur.body) as { feature: { properties: { version: number } } }).feature.properties.version;
          current = `PATCH /api/features/${f}`;
          const res = await request('PATCH', `/api/features/${f}`, { Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf, 'If-Match': `"${v}"` }, JSON.stringify({ name_en: `load ${n} ${Date.now()}` }));
          if (res.status === 200) {
            edits.ok++;
            (acked[f] ??= []).push(Number(JSON.parse(String(res.headers.etag))));
          } else if (res.status === 412) edits.conflicts++;
          else fail(`PATCH /api/features/${f} → ${res.status} ${res.body.slice(0, 200)}`);
        } else {
          const path = reads();
          current = `GET ${path}`;
          const res = await request('GET', path);
          if (res.status !== 200 && res.status !== 204) fail(`GET ${path} → ${res.status} ${res.body.slice(0, 200)}`);
        }
      } catch (e) {
        fail(`${current}: connection: ${(e as Error).message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: o.connections }, (_, i) => user(i)));
  agent.destroy();
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0);
  return {
    requests: lat.length, seconds: Math.round(seconds * 10) / 10, rps: Math.round(lat.length / seconds), statuses, errors, errorCount, edits,
    latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: Math.round(lat.at(-1) ?? 0) }, acked,
  };
}

/** Signs in as `username` (password known) and returns the cookie and CSRF token. */
export async function login(url: string, username: string, password: string): Promise<Editor> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Creates `n` editors through the admin API and signs each in. */
export async function makeEditors(url: string, admin: Editor, n: number, prefix = 'load'): Promise<Editor[]> {
  const out: Editor[] = [];
  for (let i = 0; i < n; i++) {
    const username = `${prefix}-${i}`;
    const password = `pw-${username}-0123456789`;
    const res = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf }, body: JSON.stringify({ username, password, role: 'editor' }) });
    if (res.status !== 201 && res.status !== 409) throw new Error(`create ${username} → ${res.status}`);
    out.push(await login(url, username, password));
  }
  return out;
}

/** Feature ids of a layer (from the OGC API) and the layer ids. */
export async function pickTargets(url: string, count = 20): Promise<{ features: string[]; layers: string[] }> {
  const layers = ((await (await fetch(`${url}/api/layers`)).json()) as Array<{ id: string }>).map((l) => l.id);
  const features: string[] = [];
  for (const l of layers) {
    if (features.length >= count) break;
    const items = (await (await fetch(`${url}/ogc/collections/${l}/items?limit=${count}`)).json()) as { features?: Array<{ id: string }> };
    for (const f of items.features ?? []) if (features.length < count) features.push(String(f.id));
  }
  return { features, layers };
}
