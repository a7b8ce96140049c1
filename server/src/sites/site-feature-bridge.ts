import type { Queryable } from '../db/database.js';
import { HttpError } from '../http/problem.js';
import type { FeaturePatch } from '../edits/edits.repository.js';
import { SitesRepository } from './sites.repository.js';
import { INVENTORY_STATUSES, type SiteValues } from './site-fields.js';

/**
 * The map's feature editor (PATCH /api/features/:id) on a feature of layer 'sites': that feature is the
 * inventory's projection, so the edit goes to the site (same version number) and the projection follows.
 * Name, accuracy, park (parent_id when it is a park), point geometry, and the properties the editor shows
 * (status, land_use as worded, note) are taken; the projection's derived properties are not written back.
 * Returns the new version, or null when `version` is stale.
 */
export async function patchSiteAsFeature(tx: Queryable, id: string, version: number, p: FeaturePatch): Promise<number | null> {
  const v: SiteValues = {};
  if (p.name_zh !== undefined) v.name_zh = p.name_zh;
  if (p.name_en !== undefined) v.name_en = p.name_en;
  if (p.accuracy !== undefined) v.accuracy = p.accuracy;
  if (p.parent_id !== undefined) {
    const park = p.parent_id === null ? null : (await tx.query<{ id: string }>("SELECT id FROM features WHERE id = $1 AND layer_id = 'parks'", [p.parent_id])).rows[0]?.id;
    if (park === undefined) throw new HttpError(422, 'Unprocessable Content', `A site belongs to a park: "${p.parent_id}" is not one.`, {}, { field: 'parent_id' });
    v.park_id = park;
  }
  const props = p.properties ?? {};
  if ('status' in props) {
    const s = props.status;
    if (s !== null && !(INVENTORY_STATUSES as readonly unknown[]).includes(s)) throw new HttpError(422, 'Unprocessable Content', `status must be one of ${INVENTORY_STATUSES.join(', ')}.`, {}, { field: 'status' });
    v.status = (s as string | null) ?? null;
  }
  if ('land_use' in props) v.land_use_note = typeof props.land_use === 'string' && props.land_use.trim() ? props.land_use.trim().slice(0, 500) : null;
  if ('note' in props) v.notes = typeof props.note === 'string' && props.note.trim() ? props.note.trim().slice(0, 5000) : null;
  return new SitesRepository(tx).update(id, version, v, p.geometry === undefined ? null : JSON.stringify(p.geometry));
}

/** True when `id` is a site of the inventory (its map feature is a projection). */
export async function isSite(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM sites WHERE id = $1', [id])).rows.length > 0;
}

/** POST /api/features/:id/revert on a site: its inventory version `to`, if the site is at `version`; the new version or null. */
export async function revertSiteAsFeature(tx: Queryable, id: string, to: number, version: number): Promise<number | null> {
  const repo = new SitesRepository(tx);
  const cur = await repo.row(id);
  if (!cur || cur.version !== version) return null;
  if (!(await repo.history(id)).some((h) => h.version === to && h.op !== 'delete')) throw new HttpError(404, 'Not Found', `Site "${id}" has no version ${to}.`);
  return repo.revert(id, to);
}
