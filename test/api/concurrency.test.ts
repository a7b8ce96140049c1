import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';
import { testEngine } from '../support/engine.js';

/**
 * Many editors on the same few features at once, each reading the version and writing with If-Match,
 * retrying on 412. No lost update: every acknowledged (2xx) write is in the history under the version it
 * was given, versions are 1..n without gaps or duplicates, the audit log has one row per acknowledged
 * write, and the final state is the last acknowledged write.
 */
const engine = testEngine();
const EDITORS = 8;
const ROUNDS = 6;
const FEATURES = ['park-port', 'park-biomed', 'hl-core-biomed'];

let app: TestApp;
let editors: Session[];
beforeAll(async () => {
  app = await startTestApp({ writeLimit: { windowMs: 60_000, max: 100_000 } });
  editors = await Promise.all(Array.from({ length: EDITORS }, (_, i) => signIn(app, `conc-${i}`, 'editor')));
}, 120_000);
afterAll(async () => {
  await app?.close();
});

interface Ack { feature: string; version: number; name_en: string; editor: string }
interface HistoryRow { version: number; op: string; changed_by: string; name_en: string }

describe(`concurrent editors (${engine})`, () => {
  it('loses no update: every acknowledged write is in the history, versions are 1..n, the last write wins', async () => {
    for (const f of FEATURES) expect((await fetch(`${app.url}/api/features/${f}`)).status, f).toBe(200);
    const acks: Ack[] = [];
    let conflicts = 0;
    await Promise.all(
      editors.map(async (ed, e) => {
        for (let round = 0; round < ROUNDS; round++) {
          for (const feature of FEATURES) {
            // Read, then write what was read: on 412 someone else won; read again and retry (bounded).
            for (let attempt = 0; attempt < 50; attempt++) {
              const cur = (await (await fetch(`${app.url}/api/features/${feature}`)).json()) as { feature: { properties: { version: number } } };
              const name = `edit by conc-${e} round ${round} attempt ${attempt}`;
              const res = await ed.fetch(`/api/features/${feature}`, { method: 'PATCH', headers: { 'If-Match': `"${cur.feature.properties.version}"` }, body: JSON.stringify({ name_en: name }) });
              if (res.status === 412) {
                conflicts++;
                const p = (await res.json()) as { current_version: number; sent_version: number };
                expect(p.current_version).toBeGreaterThan(p.sent_version);
                continue;
              }
              expect(res.status, await res.clone().text()).toBe(200);
              const version = Number(JSON.parse(res.headers.get('etag')!));
              acks.push({ feature, version, name_en: name, editor: `conc-${e}` });
              break;
            }
          }
        }
      }),
    );
    // Every editor got every write through eventually, and contention really happened.
    expect(acks.length).toBe(EDITORS * ROUNDS * FEATURES.length);
    console.log(`[concurrency] ${engine}: ${acks.length} acknowledged writes, ${conflicts} refused with 412 and retried`);
    expect(conflicts).toBeGreaterThan(0);

    for (const feature of FEATURES) {
      const mine = acks.filter((a) => a.feature === feature).sort((a, b) => a.version - b.version);
      const hist = (await (await fetch(`${app.url}/api/features/${feature}/history`)).json()) as HistoryRow[];
      // Versions strictly increasing without gaps: 1 (seed) then one per acknowledged write.
      expect(hist.map((h) => h.version)).toEqual(Array.from({ length: mine.length + 1 }, (_, i) => i + 1));
      // Each acknowledged write is the history entry of its version, by its editor, with its value.
      expect(hist.slice(1).map((h) => [h.version, h.changed_by, h.name_en])).toEqual(mine.map((a) => [a.version, a.editor, a.name_en]));
      // The final state is the last acknowledged write.
      const now = (await (await fetch(`${app.url}/api/features/${feature}`)).json()) as { feature: { properties: { version: number; name_en: string } } };
      expect(now.feature.properties).toMatchObject({ version: mine.at(-1)!.version, name_en: mine.at(-1)!.name_en });
      const { rows } = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'feature.update' AND target = $1", [feature]);
      expect(rows[0].n).toBe(mine.length);
    }
  }, 300_000);
});
