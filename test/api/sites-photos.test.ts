import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { SiteFeature } from '../../contract/sites.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { signIn, type Session } from '../support/session.js';

let app: TestApp;
let alice: Session;
let version = 0;
beforeAll(async () => {
  app = await startTestApp();
  alice = await signIn(app, 'alice', 'editor');
  const res = await alice.fetch('/api/sites', { method: 'POST', body: JSON.stringify({ id: 'photo-plot', name_zh: '有照片的厂房', kind: 'factory', geometry: { type: 'Point', coordinates: [119.8967, 32.3672] } }) });
  expect(res.status).toBe(201);
  version = ((await res.json()) as SiteFeature).properties.version;
});
afterAll(async () => {
  await app?.close();
});

const upload = (data: Buffer, v: number, name = 'photo.png') => {
  const form = new FormData();
  form.append('caption', '南立面');
  form.append('file', new Blob([new Uint8Array(data)]), name);
  return fetch(`${app.url}/api/sites/photo-plot/photos`, { method: 'POST', headers: { Cookie: alice.cookie, 'X-CSRF-Token': alice.csrf, 'If-Match': `"${v}"` }, body: form });
};
const site = async () => (await (await fetch(`${app.url}/api/sites/photo-plot`)).json()) as SiteFeature;
const photoRows = async () => Number((await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM site_photos')).rows[0].n);

describe('site photos', () => {
  it('re-encodes a photo with a thumbnail, strips its metadata, and shows it on the site as a new version', async () => {
    const png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner' } } }).png().toBuffer();
    const res = await upload(png, version);
    expect(res.status, await res.clone().text()).toBe(201);
    const p = (await res.json()) as { id: string; width: number; height: number; thumb_width: number; version: number; url: string; thumb_url: string };
    expect([p.width, p.height]).toEqual([2048, 1365]);
    expect(p.thumb_width).toBe(320);
    expect(p.version).toBe(version + 1);
    expect((await site()).properties.photo_ids).toEqual([p.id]);
    const full = await fetch(app.url + p.url);
    expect(full.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await full.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([2048, 1365, undefined]);
    expect(bytes.includes(Buffer.from('secret-camera-owner'))).toBe(false);
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([200, 30, 30]);
    const thumb = await sharp(Buffer.from(await (await fetch(app.url + p.thumb_url)).arrayBuffer())).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 213]);
    version = p.version;

    // Removed from the site, the photo stays stored: reverting the site shows it again.
    const del = await alice.fetch(`/api/sites/photo-plot/photos/${p.id}`, { method: 'DELETE', headers: { 'If-Match': `"${version}"` } });
    expect(del.status).toBe(204);
    expect((await site()).properties.photo_ids).toEqual([]);
    const rv = await alice.fetch('/api/sites/photo-plot/revert', { method: 'POST', headers: { 'If-Match': `"${version + 1}"` }, body: JSON.stringify({ version }) });
    expect(rv.status).toBe(200);
    expect((await site()).properties.photo_ids).toEqual([p.id]);
    version += 2;
  });

  it('refuses what is not an image (415), too large (413) or stale (412), and stores nothing', async () => {
    const before = await photoRows();
    const text = await upload(Buffer.from('definitely not an image'), version, 'photo.jpg');
    expect(text.status).toBe(415);
    expect(((await text.json()) as { field: string }).field).toBe('file');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    expect((await upload(gif, version, 'a.gif')).status).toBe(415);
    const big = Buffer.alloc(9 * 1024 * 1024, 1);
    expect((await upload(big, version)).status).toBe(413);
    const ok = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).webp().toBuffer();
    expect((await upload(ok, version - 1)).status).toBe(412);
    expect(await photoRows()).toBe(before);
    expect((await upload(ok, version)).status).toBe(201);
    expect(await photoRows()).toBe(before + 1);
  });
});
