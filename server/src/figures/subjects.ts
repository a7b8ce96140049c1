import type { Queryable } from '../db/database.js';

/** Subject types a figure (or structure) may be given through the API. */
export const API_SUBJECT_TYPES = ['chain', 'park', 'zone', 'district', 'site', 'feature', 'city', 'chain_group', 'cluster'] as const;
export type ApiSubjectType = (typeof API_SUBJECT_TYPES)[number];

/** How a subject is stored: parks and zones (and sites drawn on the map) are features, as the seed figures are. */
export interface StoredSubject {
  subject_type: 'district' | 'city' | 'feature' | 'chain' | 'chain_group' | 'cluster' | 'site';
  subject_id: string;
}

const FEATURE_LAYERS: Partial<Record<ApiSubjectType, string[]>> = { park: ['parks'], zone: ['zones', 'structure'], site: ['sites'] };

/**
 * The stored form of an API subject, or null when it does not exist. Parks, zones and mapped sites are
 * features of their layers. Sites: the site inventory is being built as its own `sites` table; when that
 * table exists a site id found there (and not on the map) is stored as subject_type 'site' — this is the
 * one place to change when the inventory lands. Clusters are groupings the seed figures name (000's four
 * clusters) and exist when some figure already names them.
 */
export async function resolveSubject(db: Queryable, type: ApiSubjectType, id: string): Promise<StoredSubject | null> {
  const one = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows.length > 0;
  switch (type) {
    case 'chain':
      return (await one('SELECT 1 FROM chains WHERE id = $1', [id])) ? { subject_type: 'chain', subject_id: id } : null;
    case 'chain_group':
      return (await one('SELECT 1 FROM chains WHERE group_id = $1', [id])) ? { subject_type: 'chain_group', subject_id: id } : null;
    case 'district':
      // The one district the atlas is about (its figures say 'gaogang'), or a district polygon on the map.
      return id === 'gaogang' || (await one("SELECT 1 FROM features WHERE id = $1 AND layer_id = 'district'", [id])) ? { subject_type: 'district', subject_id: id } : null;
    case 'city':
      return id === 'taizhou' ? { subject_type: 'city', subject_id: id } : null;
    case 'cluster':
      return (await one("SELECT 1 FROM targets WHERE subject_type = 'cluster' AND subject_id = $1", [id])) ? { subject_type: 'cluster', subject_id: id } : null;
    case 'feature':
      return (await one('SELECT 1 FROM features WHERE id = $1', [id])) ? { subject_type: 'feature', subject_id: id } : null;
    case 'park':
    case 'zone':
    case 'site': {
      if (await one('SELECT 1 FROM features WHERE id = $1 AND layer_id = ANY($2::text[])', [id, FEATURE_LAYERS[type]])) return { subject_type: 'feature', subject_id: id };
      if (type === 'site') {
        const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('sites')::text AS t");
        if (rows[0].t && (await one('SELECT 1 FROM sites WHERE id = $1', [id]))) return { subject_type: 'site', subject_id: id };
      }
      return null;
    }
  }
}
