import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, checksums, restore } from '../../server/src/backup/backup.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn } from '../support/session.js';

let source: TestApp;
let target: TestApp;
beforeAll(async () => {
  [source, target] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('backup and restore', () => {
  it('restores features, versions, history and accounts identically (checksums), and the restored app works', async () => {
    // Give the source some history, an account and a view that the target does not have.
    const ed = await signIn(source, 'restorer', 'editor');
    expect((await ed.fetch('/api/features/park-port', { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ name_en: 'Port park (edited)' }) })).status).toBe(200);
    const file = await backup(source.db);
    const want = await checksums(source.db);
    expect(await checksums(target.db)).not.toEqual(want);

    const got = await restore(target.db, file);
    expect(got).toEqual(want);
    expect(await checksums(target.db)).toEqual(want);
    const f = (await (await fetch(`${target.url}/api/features/park-port`)).json()) as { feature: { properties: { version: number; name_en: string } } };
    expect(f.feature.properties).toMatchObject({ version: 2, name_en: 'Port park (edited)' });
    // Edits after a restore continue the history rather than clash with it.
    const ed2 = await signIn(target, 'after-restore', 'editor');
    expect((await ed2.fetch('/api/features/park-port', { method: 'PATCH', headers: { 'If-Match': '"2"' }, body: JSON.stringify({ name_en: 'Port park (v3)' }) })).status).toBe(200);
    const hist = (await (await fetch(`${target.url}/api/features/park-port/history`)).json()) as Array<{ version: number; changed_by: string }>;
    expect(hist.map((h) => [h.version, h.changed_by])).toEqual([[1, 'seed'], [2, 'restorer'], [3, 'after-restore']]);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const before = await checksums(target.db);
    await expect(restore(target.db, Buffer.from('not a backup'))).rejects.toThrow(/Not an Atlas backup/);
    expect(await checksums(target.db)).toEqual(before);
  });
});
