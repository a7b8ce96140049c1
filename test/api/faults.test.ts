import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PgliteDatabase } from '../../server/src/db/database.js';
import { testEngine, postgresAdminUrl, databaseUrl, adminQuery } from '../support/engine.js';
import { startServer, type ServerChild } from '../load/child.js';
import { login, makeEditors, pickTargets } from '../load/run.js';

/**
 * Faults, each with its own server process and database:
 * - the embedded engine's data directory survives SIGKILL during writes (every acknowledged write is there);
 * - an import commit killed in the middle (SIGKILL of the server) leaves nothing behind;
 * - PostgreSQL stopped and started under load: requests during the outage get 503 + Retry-After
 *   (problem+json), the app reconnects by itself, nothing is half-written.
 */
const engine = testEngine();
const tmp: string[] = [];
const children: ServerChild[] = [];
afterAll(async () => {
  for (const c of children) c.proc.kill('SIGKILL');
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});
const tmpDir = (p: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), p));
  tmp.push(d);
  return d;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(engine === 'pglite')('embedded engine killed during writes', () => {
  it('reopens after SIGKILL with every acknowledged write present, and takes writes again', async () => {
    const dir = path.join(tmpDir('atlas-crash-'), 'pglite');
    let acked = 0;
    for (let round = 0; round < 2; round++) {
      // What the previous rounds acknowledged: this child's own first acks can be handled in the same
      // tick as its 'ready' (Node delivers a batch of IPC messages together), before `await` resumes.
      const ackedBefore = acked;
      const child = fork(path.join(import.meta.dirname, '../load/pglite-writer.ts'), [], { env: { ...process.env, DATA_DIR: dir }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const start = await new Promise<number>((resolve, reject) => {
        child.on('message', (m: { type: string; start: number; n: number }) => {
          if (m.type === 'ready') resolve(m.start);
          if (m.type === 'ack') acked = Math.max(acked, m.n);
        });
        child.on('exit', (code) => reject(new Error(`writer exited ${code}: ${err}`)));
      });
      // Each round resumes exactly after the last acknowledged row of the previous one (or later: a commit
      // may land without its acknowledgement reaching us).
      expect(start).toBeGreaterThanOrEqual(ackedBefore);
      const target = acked + 150;
      while (acked < target) await sleep(20);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    const db = await PgliteDatabase.open({ dataDir: dir });
    try {
      const { rows } = await db.query<{ n: number; c: number; bad: number }>("SELECT max(n)::int AS n, count(*)::int AS c, count(*) FILTER (WHERE payload NOT LIKE 'row ' || n || ' %')::int AS bad FROM crash_probe");
      expect(rows[0].n).toBeGreaterThanOrEqual(acked);
      expect(rows[0].c).toBe(rows[0].n); // 1..n, no holes
      expect(rows[0].bad).toBe(0);
      await db.query('INSERT INTO crash_probe (n, payload) VALUES ($1, $2)', [rows[0].n + 1, `row ${rows[0].n + 1} `]);
      console.log(`[faults] pglite: ${acked} acknowledged writes over 2 SIGKILLs, ${rows[0].c} rows found`);
    } finally {
      await db.close();
    }
  }, 180_000);
});

describe('an import commit killed in the middle', () => {
  it('leaves nothing behind: after SIGKILL and restart the layer has all of the batch or none of it', async () => {
    const env: Record<string, string | undefined> = { ATLAS_ADMIN_USER: 'fault-admin', ATLAS_ADMIN_PASSWORD: 'fault-admin-password-01' };
    if (engine === 'postgres') {
      const name = `atlas_fault_${crypto.randomBytes(4).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      env.DATABASE_URL = databaseUrl(postgresAdminUrl(), name);
    } else {
      env.DATA_DIR = tmpDir('atlas-import-kill-');
      env.DATABASE_URL = '';
      env.TEMPLATE_TARBALL = inject('template').template; // the seeded template: no seeding in the child
    }
    let server = await startServer(env);
    children.push(server);
    const admin = await login(server.url, 'fault-admin', 'fault-admin-password-01');
    const headers = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf };
    // A big batch (so the commit takes a while) of small squares in the district's polygon layer.
    const layer = 'sites';
    const N = 4000;
    const features = Array.from({ length: N }, (_, i) => {
      const x = 119.85 + (i % 80) * 0.002, y = 32.2 + Math.floor(i / 80) * 0.002;
      return { type: 'Feature', properties: { name: `kill-${i}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] } };
    });
    const layerType = ((await (await fetch(`${server.url}/api/layers`)).json()) as Array<{ id: string; geometry_type: string }>).find((l) => l.id === layer);
    const polygonLayer = layerType?.geometry_type === 'polygon' ? layer : ((await (await fetch(`${server.url}/api/layers`)).json()) as Array<{ id: string; geometry_type: string }>).find((l) => l.geometry_type === 'polygon')!.id;
    const form = new FormData();
    form.append('layer', polygonLayer);
    form.append('crs', 'EPSG:4326');
    form.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features })]), 'kill.geojson');
    const up = await fetch(`${server.url}/api/imports`, { method: 'POST', headers, body: form });
    expect(up.status, await up.clone().text()).toBe(201);
    const id = ((await up.json()) as { id: string }).id;
    const count = async (url: string) => ((await (await fetch(`${url}/ogc/collections/${polygonLayer}/items?limit=1`)).json()) as { numberMatched: number }).numberMatched;
    const before = await count(server.url);

    // Commit, and kill the server while it works.
    let answered = false;
    const commit = fetch(`${server.url}/api/imports/${id}/commit`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"accuracy":"digitised"}' })
      .then((r) => (answered = r.status === 200))
      .catch(() => false);
    await sleep(engine === 'pglite' ? 400 : 150);
    server.proc.kill('SIGKILL');
    await commit;
    await new Promise((r) => (server.proc.exitCode !== null || server.proc.signalCode !== null ? r(null) : server.proc.once('exit', r)));

    server = await startServer(env);
    children.push(server);
    const after = await count(server.url);
    // All or nothing: the batch's features are all there (the commit finished before the kill) or none.
    if (answered) expect(after).toBe(before + N);
    else expect([before, before + N]).toContain(after);
    console.log(`[faults] ${engine}: commit of ${N} killed; ${answered ? 'it had finished' : 'it had not answered'}; layer ${before} → ${after}`);
    // The batch is either still a draft (and can be committed again) or committed: never half-way.
    const again = await fetch(`${server.url}/api/imports/${id}/commit`, { method: 'POST', headers: { ...(await login(server.url, 'fault-admin', 'fault-admin-password-01').then((a) => ({ Cookie: a.cookie, 'X-CSRF-Token': a.csrf }))), 'Content-Type': 'application/json' }, body: '{"accuracy":"digitised"}' });
    expect([200, 409]).toContain(again.status);
    expect(await count(server.url)).toBe(before + N);
    await server.stop();
    if (engine === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${new URL(env.DATABASE_URL!).pathname.slice(1)} WITH (FORCE)`);
  }, 400_000);
});

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
describe.runIf(engine === 'postgres')('PostgreSQL restarted under load', () => {
  it('answers 503 + Retry-After during the outage, reconnects by itself, and writes nothing half-way', async () => {
    // A private cluster this test may stop and start (the shared test server must stay up).
    const dir = tmpDir('atlas-pg-fault-');
    const asPg = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    if (asPg.length) execFileSync('chown', ['postgres', dir]);
    const run = (bin: string, args: string[]) => {
      const [cmd, ...rest] = [...asPg, path.join(PG_BIN, bin), ...args];
      return execFileSync(cmd, rest, { stdio: 'pipe' });
    };
    const port = 56000 + Math.floor(Math.random() * 3000);
    run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const pgctl = (action: string) => run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-m', 'fast', action]);
    pgctl('start');
    try {
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query('CREATE DATABASE atlas');
      await c.end();
      const server = await startServer({ DATABASE_URL: url.replace(/\/postgres$/, '/atlas'), ATLAS_ADMIN_USER: 'pgfault-admin', ATLAS_ADMIN_PASSWORD: 'pgfault-admin-password-01' });
      children.push(server);
      const admin = await login(server.url, 'pgfault-admin', 'pgfault-admin-password-01');
      const editors = await makeEditors(server.url, admin, 6, 'pgfault');
      const { features } = await pickTargets(server.url, 6);

      // Phases are driven by what the load has seen, not by the clock, so a slow machine only makes the
      // test take longer: `until` waits for a condition on the responses (bounded, failing with its name).
      const seen: Array<{ sent: number; t: number; status: number; retryAfter: string | null; problem: boolean; write: boolean }> = [];
      const acked: Array<{ feature: string; version: number }> = [];
      const netErrors: string[] = [];
      let phase: 'before' | 'down' | 'after' = 'before';
      let stop = false;
      const record = (sent: number, r: Response, write: boolean) =>
        seen.push({ sent, t: Date.now(), status: r.status, retryAfter: r.headers.get('retry-after'), problem: (r.headers.get('content-type') ?? '').startsWith('application/problem+json'), write });
      const worker = async (i: number) => {
        const ed = editors[i % editors.length];
        for (let k = 0; !stop; k++) {
          const f = features[(i + k) % features.length];
          try {
            const sent = Date.now();
            const r = await fetch(`${server.url}/api/features/${f}`, { signal: AbortSignal.timeout(60_000) });
            const body = await r.text();
            record(sent, r, false);
            // During the outage a worker waits for the next response of another worker instead of spinning.
            if (r.status === 503) await new Promise((res) => setTimeout(res, 20));
            if (r.status !== 200 || k % 2) continue;
            const v = (JSON.parse(body) as { feature: { properties: { version: number } } }).feature.properties.version;
            const wSent = Date.now();
            const w = await fetch(`${server.url}/api/features/${f}`, { method: 'PATCH', headers: { Cookie: ed.cookie, 'X-CSRF-Token': ed.csrf, 'If-Match': `"${v}"`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name_en: `pgfault ${i} ${k} ${phase}` }), signal: AbortSignal.timeout(60_000) });
            await w.text();
            record(wSent, w, true);
            if (w.status === 200) acked.push({ feature: f, version: Number(JSON.parse(w.headers.get('etag')!)) });
          } catch (e) {
            netErrors.push(`${(e as Error).message} ${String((e as { cause?: unknown }).cause)}`);
          }
        }
      };
      const until = async (what: string, cond: () => boolean, limitMs = 120_000) => {
        const end = Date.now() + limitMs;
        while (!cond()) {
          if (Date.now() > end || netErrors.length) throw new Error(`faults: gave up waiting for ${what} (${seen.length} responses, ${netErrors.length} network errors)`);
          await new Promise((res) => setTimeout(res, 25));
        }
      };
      const load = Promise.all(Array.from({ length: 12 }, (_, i) => worker(i)));
      await until('acknowledged edits before the outage', () => acked.length >= 12);
      phase = 'down';
      pgctl('stop');
      const downAt = Date.now();
      await until('503 answers during the outage', () => seen.filter((s) => s.sent > downAt && s.status === 503).length >= 24);
      pgctl('start');
      const upAt = Date.now();
      phase = 'after';
      // Reconnects by itself: the first request sent after which every answer is a success.
      await until('recovery', () => {
        const after = seen.filter((s) => s.sent > upAt);
        return after.length >= 12 && after.slice(-12).every((s) => s.status === 200 || s.status === 412);
      });
      const recoveredAt = seen.filter((s) => s.sent > upAt).slice(-12)[0].sent;
      await until('edits after recovery', () => seen.filter((s) => s.sent > recoveredAt && s.write && s.status === 200).length >= 12);
      stop = true;
      await load;

      const unexpected = seen.filter((s) => ![200, 412, 503].includes(s.status));
      const outage = seen.filter((s) => s.status === 503);
      console.log(`[faults] postgres restart: ${seen.length} responses, ${outage.length} × 503 while down, recovered ${recoveredAt - upAt} ms after start, ${acked.length} edits acknowledged`);
      expect(netErrors).toEqual([]);
      expect(unexpected.map((s) => s.status)).toEqual([]);
      expect(outage.length).toBeGreaterThan(0);
      expect(outage.every((s) => s.problem && Number(s.retryAfter) > 0)).toBe(true);
      expect(seen.filter((s) => s.sent < downAt && s.t < downAt).every((s) => s.status === 200 || s.status === 412)).toBe(true);
      expect(seen.filter((s) => s.sent >= recoveredAt).every((s) => s.status === 200 || s.status === 412)).toBe(true);
      expect(acked.length).toBeGreaterThanOrEqual(24);

      // Nothing half-written: each feature's version equals its history's last version, history is 1..n,
      // every acknowledged edit is in it, and the audit log has one row per history entry after the seed.
      const db = new pg.Client({ connectionString: url.replace(/\/postgres$/, '/atlas') });
      await db.connect();
      try {
        for (const f of features) {
          const { rows } = await db.query<{ version: number; versions: number[]; audits: number }>(
            `SELECT f.version, array_agg(h.version ORDER BY h.version) AS versions,
                    (SELECT count(*)::int FROM audit_log a WHERE a.target = f.id AND a.action = 'feature.update') AS audits
             FROM features f JOIN feature_history h ON h.feature_id = f.id WHERE f.id = $1 GROUP BY f.id, f.version`, [f]);
          const r = rows[0];
          expect(r.versions).toEqual(Array.from({ length: r.version }, (_, i) => i + 1));
          expect(r.audits).toBe(r.version - 1);
          for (const a of acked.filter((x) => x.feature === f)) expect(r.versions).toContain(a.version);
        }
      } finally {
        await db.end();
      }
      await server.stop();
    } finally {
      try {
        pgctl('stop');
      } catch {
        // already stopped
      }
    }
  }, 300_000);
});
