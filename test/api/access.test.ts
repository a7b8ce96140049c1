import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { listRoutes, type RouteInfo } from '../support/routes.js';

/**
 * Who may write: every write route (read from Express's router, so a new one cannot slip by) refuses
 * anonymous callers with 401, callers without the session's CSRF token with 403, and editors on admin
 * routes with 403. Plus: write and login rate limits, CORS closed, body limits, secure headers, no secrets.
 */
/** Writes anyone may send: signing in and out, and rendering a PDF (which stores nothing). */
const PUBLIC_WRITES = ['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/print'];
const ADMIN_ONLY = /^\/api\/users/;

let app: TestApp;
let writes: RouteInfo[];
let editor: Session;
let admin: Session;

/**
 * Sends a big body with node:http and resolves with the answer as soon as it arrives: a server may answer
 * 413 and close before the upload ends, which fetch reports as a network error instead of the answer.
 */
function rawPost(path: string, method: string, headers: Record<string, string>, body: Buffer): Promise<Response> {
  return new Promise((resolve, reject) => {
    const u = new URL(app.url + path);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method, headers: { ...headers, Cookie: editor.cookie, 'X-CSRF-Token': editor.csrf, 'Content-Length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: res.headers as Record<string, string> })));
    });
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.end(body);
  });
}

const fill = (path: string) => path.replace(/:[A-Za-z_]+/g, 'x1');
async function isProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; title: string };
  expect(body.status).toBe(status);
  return body;
}

beforeAll(async () => {
  app = await startTestApp({ writeLimit: { windowMs: 60_000, max: 1000 } });
  writes = listRoutes(createApp(app.db)).filter((r) => r.method !== 'GET');
  editor = await signIn(app, 'access-editor', 'editor');
  admin = await signIn(app, 'access-admin', 'admin');
});
afterAll(async () => {
  await app?.close();
});

describe('access control on every write route', () => {
  it('knows the write routes', () => {
    expect(writes.length).toBeGreaterThan(15);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toContain('PATCH /api/features/:id');
  });

  it('anonymous → 401 on every write but the public ones', async () => {
    const open: string[] = [];
    for (const r of writes) {
      const key = `${r.method} ${r.path}`;
      if (PUBLIC_WRITES.includes(key)) continue;
      const res = await fetch(app.url + fill(r.path), { method: r.method, headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' }, body: '{}' });
      if (res.status !== 401) open.push(`${key} → ${res.status}`);
      else await isProblem(res, 401);
    }
    expect(open).toEqual([]);
  });

  it('a session without (or with a wrong) CSRF token → 403 on every protected write', async () => {
    const leaks: string[] = [];
    for (const r of writes) {
      const key = `${r.method} ${r.path}`;
      if (PUBLIC_WRITES.includes(key)) continue;
      for (const token of [undefined, 'wrong-token', admin.csrf]) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'If-Match': '"1"', Cookie: editor.cookie };
        if (token) headers['X-CSRF-Token'] = token;
        const res = await fetch(app.url + fill(r.path), { method: r.method, headers, body: '{}' });
        if (res.status !== 403) leaks.push(`${key} csrf=${token} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('an editor on admin-only routes → 403; the admin passes the same gate', async () => {
    const adminRoutes = listRoutes(createApp(app.db)).filter((r) => ADMIN_ONLY.test(r.path));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(3);
    for (const r of adminRoutes) {
      const init = { method: r.method, headers: { 'If-Match': '"1"' }, body: r.method === 'GET' ? undefined : '{}' };
      const res = await editor.fetch(fill(r.path), init);
      await isProblem(res, 403);
      const asAdmin = await admin.fetch(fill(r.path), init);
      expect([200, 400, 404], `${r.method} ${r.path} as admin`).toContain(asAdmin.status);
    }
    // Reading drafts of imports needs a session too.
    await isProblem(await fetch(`${app.url}/api/imports/abc`), 401);
  });
});

describe('rate limits', () => {
  it('limits writes per session with 429 + Retry-After; other sessions and reads are unaffected', async () => {
    const small = await startTestApp({ writeLimit: { windowMs: 60_000, max: 5 } });
    try {
      const a = await signIn(small, 'rl-a', 'editor');
      const b = await signIn(small, 'rl-b', 'editor');
      const write = (s: Session) => s.fetch('/api/features/no-such-feature', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: '{"name_en":"x"}' });
      for (let i = 0; i < 5; i++) expect((await write(a)).status).toBe(404);
      const limited = await write(a);
      const p = await isProblem(limited, 429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(p.title).toBe('Too Many Requests');
      // The limit is per session: the other editor still writes; reads are never limited here.
      expect((await write(b)).status).toBe(404);
      expect((await a.fetch('/api/layers')).status).toBe(200);
      // Anonymous writes count per IP.
      for (let i = 0; i < 5; i++) await fetch(`${small.url}/api/features/x`, { method: 'DELETE' });
      await isProblem(await fetch(`${small.url}/api/features/x`, { method: 'DELETE' }), 429);
    } finally {
      await small.close();
    }
  });

  it('limits failed logins per IP and name with 429 + Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'access-admin', password: `guess-${i}-xxxxxxxx` }) });
    }
    await isProblem(last!, 429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('transport hardening', () => {
  it('CORS is closed: no Access-Control-Allow-* for a foreign origin, on reads or preflights', async () => {
    const res = await fetch(`${app.url}/api/layers`, { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(`${app.url}/api/features/x`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'x-csrf-token' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('limits body sizes with 413 problem+json (JSON 25 MB, uploads 50 MB)', async () => {
    const big = Buffer.from(JSON.stringify({ name_en: 'x'.repeat(26 * 1024 * 1024) }));
    await isProblem(await rawPost('/api/features/x1', 'PATCH', { 'Content-Type': 'application/json', 'If-Match': '"1"' }, big), 413);
    const boundary = 'atlas-big-upload';
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="layer"\r\n\r\nparks\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.geojson"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(51 * 1024 * 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    await isProblem(await rawPost('/api/imports', 'POST', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, multipart), 413);
  });

  it('sends secure headers: CSP, nosniff, frame-ancestors, no X-Powered-By; the session cookie is HttpOnly and SameSite=Strict', async () => {
    const res = await fetch(`${app.url}/api/layers`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const login = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'access-editor', password: 'pw-access-editor-0123456789' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });
});

describe('no secrets in the repository', () => {
  /** Known, deliberate non-secrets: the throw-away password of the local docker-compose database. */
  const ALLOWED = [/^docker-compose\.yml:.*POSTGRES_PASSWORD: atlas$/, /postgres:\/\/atlas:atlas@(localhost|db|postgres)[:/]/];
  const PATTERNS: Array<[string, RegExp]> = [
    ['private key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----/],
    ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
    ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
    ['Slack token', /\bxox[abpors]-[A-Za-z0-9-]{10,}/],
    ['npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
    ['Tianditu key', /\btk=[0-9a-f]{32}\b/],
    ['URL with a password', /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@'"]+:[^/\s:@'"$]{3,}@/i],
    // A value with a digit or symbol (a label like password: 'Password' is not a secret).
    ['password assignment', /\b(?:password|passwd|secret|api[_-]?key)\s*[:=]\s*['"](?=[^'"\s]*[^A-Za-z'"\s])[^'"\s]{8,}['"]/i],
  ];

  it('finds no private keys, tokens or passwords in tracked files', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const f of files) {
      // Tests create throw-away accounts with made-up passwords; the lock file holds integrity hashes.
      if (f.startsWith('test/') || f === 'package-lock.json' || !fs.existsSync(f)) continue;
      const st = fs.statSync(f);
      if (!st.isFile() || st.size > 5_000_000) continue;
      const text = fs.readFileSync(f, 'utf8');
      if (text.includes('\u0000')) continue; // binary
      text.split('\n').forEach((line, i) => {
        for (const [what, re] of PATTERNS) {
          const hit = `${f}:${line.trim()}`;
          if (re.test(line) && !ALLOWED.some((a) => a.test(hit))) found.push(`${f}:${i + 1} ${what}: ${line.trim().slice(0, 120)}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('the scanner itself catches a planted key and password (so a clean result means something)', () => {
    const planted = ['-----BEGIN RSA PRIVATE KEY-----', 'const password = "hunter2hunter2";', 'DATABASE_URL=postgres://atlas:s3cr3tpw@db/atlas'];
    for (const line of planted) expect(PATTERNS.some(([, re]) => re.test(line)), line).toBe(true);
  });
});
