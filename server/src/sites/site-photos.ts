import crypto from 'node:crypto';
import { Router } from 'express';
import type { Sharp } from 'sharp';
import type { Database } from '../db/database.js';
import type { AuthService } from '../auth/auth.service.js';
import { HttpError, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { readUpload } from '../imports/upload.js';
import { ifMatchVersion } from '../edits/edits.routes.js';
import { SitesRepository } from './sites.repository.js';
import { siteConflict } from './sites.service.js';

/** What a photo may be: these formats, at most this many bytes and pixels; a site shows at most `perSite`. */
export const PHOTO_LIMITS = { bytes: 8 * 1024 * 1024, pixels: 40_000_000, perSite: 12, longSide: 2048, thumbLongSide: 320 } as const;
const MIME: Record<string, 'image/jpeg' | 'image/png' | 'image/webp'> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Decodes an upload with sharp (libvips) and re-encodes it: orientation applied, metadata (EXIF GPS, camera)
 * dropped, the long side at most 2048 px, plus a 320 px thumbnail, both in the upload's format. Anything
 * sharp cannot decode, or that is not JPEG/PNG/WebP, is a 415; too many pixels a 413.
 */
export async function processPhoto(data: Buffer) {
  // Loaded on the first photo, not at start-up.
  const { default: sharp } = await import('sharp');
  let meta;
  try {
    meta = await sharp(data, { limitInputPixels: PHOTO_LIMITS.pixels }).metadata();
  } catch (e) {
    const msg = (e as Error).message;
    if (/pixel limit/i.test(msg)) throw new HttpError(413, 'Payload Too Large', `The photo has more than ${PHOTO_LIMITS.pixels / 1e6} megapixels.`, {}, { field: 'file' });
    throw new HttpError(415, 'Unsupported Media Type', `The file is not an image (JPEG, PNG or WebP): ${msg}`, {}, { field: 'file' });
  }
  const mime = MIME[meta.format ?? ''];
  if (!mime) throw new HttpError(415, 'Unsupported Media Type', `Photos must be JPEG, PNG or WebP; got ${meta.format}.`, {}, { field: 'file' });
  if ((meta.width ?? 0) * (meta.height ?? 0) > PHOTO_LIMITS.pixels) throw new HttpError(413, 'Payload Too Large', `The photo has more than ${PHOTO_LIMITS.pixels / 1e6} megapixels.`, {}, { field: 'file' });
  const encode = (s: Sharp) => (meta.format === 'jpeg' ? s.jpeg({ quality: 85 }) : meta.format === 'png' ? s.png() : s.webp({ quality: 85 }));
  try {
    const base = () => sharp(data, { limitInputPixels: PHOTO_LIMITS.pixels }).rotate();
    const full = await encode(base().resize(PHOTO_LIMITS.longSide, PHOTO_LIMITS.longSide, { fit: 'inside', withoutEnlargement: true })).toBuffer({ resolveWithObject: true });
    const thumb = await encode(base().resize(PHOTO_LIMITS.thumbLongSide, PHOTO_LIMITS.thumbLongSide, { fit: 'inside', withoutEnlargement: true })).toBuffer({ resolveWithObject: true });
    return { mime, full: full.data, width: full.info.width, height: full.info.height, thumb: thumb.data, thumbWidth: thumb.info.width, thumbHeight: thumb.info.height };
  } catch (e) {
    throw new HttpError(415, 'Unsupported Media Type', `The image could not be decoded: ${(e as Error).message}`, {}, { field: 'file' });
  }
}

/** POST /api/sites/:id/photos (multipart `file`, optional `caption`; If-Match), GET …/photos/:photoId[?size=thumb], DELETE …/photos/:photoId (If-Match). */
export function sitePhotoRoutes(db: Database, auth: AuthService): Router {
  const r = Router();
  const editor = auth.require('editor');

  r.post('/sites/:id/photos', editor, async (req, res) => {
    const id = parseId(req.params.id, 'site id');
    const version = ifMatchVersion(req);
    const up = await readUpload(req, PHOTO_LIMITS.bytes);
    const caption = up.fields.caption?.trim().slice(0, 200) || null;
    const cur = await new SitesRepository(db).row(id);
    if (!cur) throw notFound(`Site "${id}" does not exist.`);
    const p = await processPhoto(up.file.data);
    const photoId = crypto.randomBytes(8).toString('hex');
    const user = req.user!.username;
    const v = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ photo_ids: string[]; version: number }>('SELECT photo_ids, version FROM sites WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0] || rows[0].version !== version) return siteConflict(tx, id, version);
      if (rows[0].photo_ids.length >= PHOTO_LIMITS.perSite) throw new HttpError(422, 'Unprocessable Content', `A site shows at most ${PHOTO_LIMITS.perSite} photos; remove one first.`, {}, { field: 'file' });
      await tx.query(`INSERT INTO site_photos (id, site_id, mime, width, height, bytes, thumb, thumb_width, thumb_height, caption, created_by)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [photoId, id, p.mime, p.width, p.height, p.full, p.thumb, p.thumbWidth, p.thumbHeight, caption, user]);
      const nv = (await tx.query<{ version: number }>('UPDATE sites SET photo_ids = photo_ids || $2::text, seed_hash = NULL WHERE id = $1 RETURNING version', [id, photoId])).rows[0].version;
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.photo.add', id, JSON.stringify({ photo: photoId })]);
      return nv;
    }, user);
    res.status(201).set('ETag', `"${v}"`).json({ id: photoId, site_id: id, mime: p.mime, width: p.width, height: p.height, thumb_width: p.thumbWidth, thumb_height: p.thumbHeight, caption, version: v,
      url: `/api/sites/${id}/photos/${photoId}`, thumb_url: `/api/sites/${id}/photos/${photoId}?size=thumb` });
  });

  r.get('/sites/:id/photos/:photoId', async (req, res) => {
    const id = parseId(req.params.id, 'site id');
    const photoId = String(req.params.photoId);
    if (!/^[a-z0-9]{8,40}$/.test(photoId)) throw notFound('No such photo.');
    const thumb = req.query.size === 'thumb';
    const { rows } = await db.query<{ mime: string; body: Buffer }>(
      `SELECT mime, ${thumb ? 'thumb' : 'bytes'} AS body FROM site_photos WHERE id = $1 AND site_id = $2`, [photoId, id]);
    if (!rows[0]) throw notFound(`Site "${id}" has no photo "${photoId}".`);
    // A photo id names bytes that never change (an edit is a new photo).
    res.set('Cache-Control', 'public, max-age=31536000, immutable').type(rows[0].mime).send(Buffer.from(rows[0].body));
  });

  r.delete('/sites/:id/photos/:photoId', editor, async (req, res) => {
    const id = parseId(req.params.id, 'site id');
    const version = ifMatchVersion(req);
    const photoId = String(req.params.photoId);
    const user = req.user!.username;
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ photo_ids: string[]; version: number }>('SELECT photo_ids, version FROM sites WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) throw notFound(`Site "${id}" does not exist.`);
      if (rows[0].version !== version) return siteConflict(tx, id, version);
      if (!rows[0].photo_ids.includes(photoId)) throw notFound(`Site "${id}" shows no photo "${photoId}".`);
      // The photo itself stays in site_photos, so reverting the site shows it again.
      await tx.query('UPDATE sites SET photo_ids = array_remove(photo_ids, $2::text), seed_hash = NULL WHERE id = $1', [id, photoId]);
      await tx.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [user, 'site.photo.remove', id, JSON.stringify({ photo: photoId })]);
    }, user);
    res.status(204).end();
  });
  return r;
}
