import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Database, Queryable } from '../db/database.js';

/**
 * The tables a backup holds, in load order (parents first), each with its key for a stable row order.
 * Geometry goes out as EWKB hex, so a restore is bit-for-bit the same geometry.
 */
export const BACKUP_TABLES: Array<{ name: string; key: string }> = [
  { name: 'schema_migrations', key: 'version' },
  { name: 'atlas_meta', key: 'key' },
  { name: 'documents', key: 'id' },
  { name: 'citations', key: 'id' },
  { name: 'layers', key: 'id' },
  { name: 'features', key: 'id' },
  { name: 'land_use_classes', key: 'code' },
  { name: 'sites', key: 'id' },
  { name: 'site_history', key: 'id' },
  { name: 'site_photos', key: 'id' },
  { name: 'site_import_batches', key: 'id' },
  { name: 'site_import_rows', key: 'batch_id, line' },
  { name: 'feature_citations', key: 'feature_id, citation_id' },
  { name: 'feature_history', key: 'id' },
  { name: 'data_versions', key: 'scope' },
  { name: 'chains', key: 'id' },
  { name: 'targets', key: 'id' },
  { name: 'feature_chains', key: 'feature_id, chain_id, role' },
  { name: 'discrepancies', key: 'id' },
  { name: 'gbt_classes', key: 'code' },
  { name: 'chain_taxonomy', key: 'chain_id' },
  { name: 'chain_segments', key: 'chain_id, id' },
  { name: 'segment_parks', key: 'chain_id, segment_id, seq' },
  { name: 'segment_enterprises', key: 'chain_id, segment_id, seq' },
  { name: 'document_paragraphs', key: 'document_id, seq' },
  { name: 'paragraph_translations', key: 'document_id, key' },
  { name: 'document_suggestions', key: 'id' },
  { name: 'structures', key: 'id' },
  { name: 'figure_relations', key: 'id' },
  { name: 'discrepancy_resolutions', key: 'id' },
  { name: 'saved_views', key: 'id' },
  { name: 'briefings', key: 'id' },
  { name: 'users', key: 'username' },
  { name: 'audit_log', key: 'id' },
];

export interface BackupFile {
  format: 'atlas-backup';
  version: 1;
  created_at: string;
  engine: string;
  tables: Record<string, { columns: string[]; rows: unknown[][]; checksum: string }>;
}

/** Per-table checksums of the data (md5 over every row as text, in key order): equal checksums = equal data. */
export async function checksums(db: Queryable): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of BACKUP_TABLES) {
    const { rows } = await db.query<{ sum: string | null }>(`SELECT md5(coalesce(string_agg(x::text, E'\\n' ORDER BY ${t.key}), '')) AS sum FROM ${t.name} x`);
    out[t.name] = rows[0].sum ?? '';
  }
  return out;
}

async function columnsOf(db: Queryable, table: string): Promise<Array<{ name: string; type: string; geom: boolean }>> {
  const { rows } = await db.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`, [table]);
  return rows.map((r) => ({ name: r.name, type: r.type, geom: r.type.startsWith('geometry') }));
}

/** Reads every table inside one transaction (a consistent snapshot) into a gzipped JSON backup. */
export async function backup(db: Database): Promise<Buffer> {
  const file: BackupFile = { format: 'atlas-backup', version: 1, created_at: new Date().toISOString(), engine: db.engine, tables: {} };
  await db.transaction(async (tx) => {
    const sums = await checksums(tx);
    for (const t of BACKUP_TABLES) {
      const cols = await columnsOf(tx, t.name);
      // Every value as text: timestamps, numerics and EWKB keep their exact representation.
      const select = cols.map((c) => (c.geom ? `encode(ST_AsEWKB(${c.name}), 'hex')` : `${c.name}::text`)).join(', ');
      const { rows } = await tx.query<Record<string, string | null>>(`SELECT ${select} FROM ${t.name} ORDER BY ${t.key}`);
      file.tables[t.name] = { columns: cols.map((c) => c.name), rows: rows.map((r) => Object.values(r)), checksum: sums[t.name] };
    }
  }, 'backup', { isolation: 'repeatable read' });
  return zlib.gzipSync(JSON.stringify(file));
}

/**
 * Replaces the database's contents with a backup, in one transaction: either all of it is restored
 * and every checksum matches the backup's, or nothing changes.
 */
export async function restore(db: Database, gz: Buffer): Promise<Record<string, string>> {
  let file: BackupFile;
  try {
    file = JSON.parse(zlib.gunzipSync(gz).toString('utf8')) as BackupFile;
  } catch {
    throw new Error('Not an Atlas backup (expected gzipped JSON).');
  }
  if (file.format !== 'atlas-backup' || file.version !== 1) throw new Error('Not an Atlas backup of a known version.');
  return db.transaction(async (tx) => {
    // History and versions are data here, not new edits: the trigger must not rewrite them.
    await tx.query('ALTER TABLE features DISABLE TRIGGER features_versioning');
    // The generalised cells (migration 016) are derived from features: emptied here, rebuilt once below.
    await tx.query('ALTER TABLE features DISABLE TRIGGER features_cells');
    // Sites (012): their features are restored as rows, not re-projected; their history is data too.
    await tx.query('ALTER TABLE features DISABLE TRIGGER features_a_sites_guard');
    await tx.query('ALTER TABLE sites DISABLE TRIGGER sites_versioning');
    await tx.query('ALTER TABLE sites DISABLE TRIGGER sites_projection');
    await tx.query(`TRUNCATE ${[...BACKUP_TABLES].reverse().map((t) => t.name).join(', ')}, sessions, layer_cells CASCADE`);
    for (const t of BACKUP_TABLES) {
      const data = file.tables[t.name];
      if (!data) continue;
      const cols = await columnsOf(tx, t.name);
      const types = new Map(cols.map((c) => [c.name, c]));
      const exprs = data.columns.map((c, i) => {
        const col = types.get(c);
        if (!col) throw new Error(`Backup column ${t.name}.${c} does not exist here (a newer or older schema?).`);
        // Sent as text and cast by the server: both engines then parse values the same way.
        return col.geom ? `ST_GeomFromEWKB(decode($${i + 1}::text, 'hex'))` : `$${i + 1}::text::${col.type}`;
      });
      for (const row of data.rows) {
        await tx.query(`INSERT INTO ${t.name} (${data.columns.join(', ')}) VALUES (${exprs.join(', ')})`, row);
      }
      // Keep serial counters past the restored ids.
      if (data.columns.includes('id') && ['feature_history', 'audit_log', 'discrepancy_resolutions', 'site_history'].includes(t.name)) {
        await tx.query(`SELECT setval(pg_get_serial_sequence('${t.name}', 'id'), coalesce((SELECT max(id) FROM ${t.name}), 0) + 1, false)`);
      }
    }
    await tx.query('ALTER TABLE features ENABLE TRIGGER features_versioning');
    await tx.query('ALTER TABLE features ENABLE TRIGGER features_cells');
    await tx.query('ALTER TABLE features ENABLE TRIGGER features_a_sites_guard');
    await tx.query('ALTER TABLE sites ENABLE TRIGGER sites_versioning');
    await tx.query('ALTER TABLE sites ENABLE TRIGGER sites_projection');
    await tx.query("SELECT atlas_cells_rebuild(id) FROM layers WHERE style ? 'generalise_below'");
    const sums = await checksums(tx);
    const bad = BACKUP_TABLES.filter((t) => file.tables[t.name] && sums[t.name] !== file.tables[t.name].checksum).map((t) => t.name);
    if (bad.length) throw new Error(`Restore did not reproduce the backup exactly (${bad.join(', ')}); nothing was changed.`);
    return sums;
  }, 'restore');
}

/** A short digest of all checksums, for logs. */
export const digest = (sums: Record<string, string>) => crypto.createHash('sha1').update(JSON.stringify(sums)).digest('hex').slice(0, 12);
