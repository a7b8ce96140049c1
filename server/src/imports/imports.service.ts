import crypto from 'node:crypto';
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';
import type { Database, Queryable } from '../db/database.js';
import { EditsRepository } from '../edits/edits.repository.js';
import { HttpError, notFound } from '../http/problem.js';
import { ImportsRepository, type BatchRow } from './imports.repository.js';
import { parseUpload } from './parse.js';
import { CRS_CHOICES, crsJson, parseSourceCrs, type SourceCrs } from './source-crs.js';
import { declaredEncoding } from './encoding.js';
import { extent } from './geometry.js';
import { decide, summarise, type PreviewItem } from './preview.js';
import { IMPORT_LIMITS, type ImportLimits } from './limits.js';
import type { GdalRunner } from '../gdal/gdal.js';
import { refuseGridForKml, settleCrs } from './parsed.js';
import { unprocessable } from './problems.js';

const ACCURACY = ['surveyed', 'digitised'] as const;
/** Days an uncommitted preview is kept. */
const STALE_DAYS = 7;

/** A token over what a commit would write: the commit refuses (412) if the plan changed since the preview. */
const planToken = (items: PreviewItem[]) =>
  crypto.createHash('sha1').update(JSON.stringify(items.map((i) => [i.seq, i.status, i.feature_id, i.match?.version ?? null]))).digest('base64url').slice(0, 22);

/** Converts a batch's raw coordinates to WGS 84: EPSG CRSs by PostGIS, GCJ-02 / BD-09 by gcoord. */
async function applyCrs(repo: ImportsRepository, batchId: string, crs: SourceCrs): Promise<void> {
  if (crs.kind === 'epsg') {
    await repo.projectItems(batchId, crs.srid, crs.xRange, crs.yRange);
    return;
  }
  const from = crs.code === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09;
  const rows = (await repo.rawGeometries(batchId)).map(({ seq, raw }) => {
    const g = JSON.parse(raw) as Geometry;
    const e = extent(g);
    if (!e || e[0] < crs.xRange[0] || e[2] > crs.xRange[1] || e[1] < crs.yRange[0] || e[3] > crs.yRange[1]) {
      return { seq, geometry: null, transform_error: `coordinates do not fit ${crs.code} (longitude/latitude): is that the right CRS?` };
    }
    return { seq, geometry: gcoord.transform(g as never, from, gcoord.WGS84) as unknown, transform_error: null };
  });
  await repo.setItemGeometries(batchId, rows);
}

/** Upload → preview → (choose CRS) → commit. Batches are drafts: nothing touches `features` before commit. */
export class ImportsService {
  /** `runner`: the GDAL runner files are read with (default the process's). */
  constructor(private readonly db: Database, private readonly limits: ImportLimits = IMPORT_LIMITS, private readonly runner?: GdalRunner) {}

  /**
   * Reads and stores an upload as a new batch, all or nothing; the CRS is the declared one, else the
   * file's own, else left open (needs_crs). Returns the batch header with its validation summary.
   */
  async upload(file: { name: string; data: Buffer }, fields: Record<string, string>, user: string, parts: Array<{ name: string; data: Buffer }> = []) {
    const layerId = (fields.layer ?? fields.layer_id ?? '').trim();
    if (!layerId) throw new HttpError(400, 'Bad Request', 'Say which layer to import into: form field "layer".');
    const declared = fields.crs?.trim() ? parseSourceCrs(fields.crs) : null;
    const encoding = declaredEncoding(fields.encoding);
    const layerType = await new ImportsRepository(this.db).layerGeometryType(layerId);
    if (!layerType) throw unprocessable(`Layer "${layerId.slice(0, 80)}" does not exist.`);

    const parsed = await parseUpload(file, { layerType, encoding, limits: this.limits, parts, runner: this.runner });
    if (parsed.items.length === 0) throw unprocessable(`"${file.name}" holds no features.`);
    const settled = settleCrs(parsed, declared);
    const warnings = [...parsed.warnings, ...settled.warnings];
    const crs = settled.crs;
    const crsFrom = settled.from;

    const id = crypto.randomBytes(9).toString('base64url').replace(/[^a-zA-Z0-9]/g, 'x').toLowerCase();
    await this.db.transaction(async (tx) => {
      const repo = new ImportsRepository(tx);
      await repo.deleteStale(STALE_DAYS);
      await repo.createBatch({ id, layer_id: layerId, filename: file.name.slice(0, 200), format: parsed.format, source_crs: crs?.code ?? null, crs_from: crsFrom, warnings, created_by: user });
      try {
        await repo.insertItems(id, parsed.items);
      } catch (e) {
        throw unprocessable(`PostGIS could not read a geometry of "${file.name}": ${(e as Error).message}`);
      }
      if (crs) await applyCrs(repo, id, crs);
      await repo.audit(user, 'import.upload', id, { file: file.name, layer: layerId, format: parsed.format, items: parsed.items.length, crs: crs?.code ?? null });
    }, user);
    return this.header(id, false);
  }

  /** The batch header and validation summary (no items). */
  async header(id: string, makeValid: boolean) {
    const { items, ...rest } = await this.preview(id, makeValid);
    void items;
    return rest;
  }

  /** The full preview: every item with its WGS 84 geometry, match, status and reasons. 404 for an unknown batch. */
  async preview(id: string, makeValid: boolean, db: Queryable = this.db) {
    const repo = new ImportsRepository(db);
    const batch = await repo.batch(id);
    if (!batch) throw notFound(`Import "${id}" does not exist (previews are kept ${STALE_DAYS} days).`);
    const items = (await repo.facts(id, makeValid)).map((f) => decide(f, id, batch.source_crs !== null));
    return { ...this.describe(batch), make_valid: makeValid, summary: summarise(items), preview_token: planToken(items), items };
  }

  private describe(b: BatchRow) {
    const crs = b.source_crs ? parseSourceCrs(b.source_crs) : null;
    return {
      id: b.id, layer_id: b.layer_id, filename: b.filename, format: b.format, status: b.status,
      crs: crs ? crsJson(crs) : null, crs_from: b.crs_from, needs_crs: crs === null,
      ...(crs === null ? { crs_choices: CRS_CHOICES.map(crsJson) } : {}),
      warnings: b.warnings, created_by: b.created_by, created_at: b.created_at,
      committed_by: b.committed_by, committed_at: b.committed_at, result: b.result,
    };
  }

  /** Sets (or changes) the batch's CRS and re-projects its items. 409 once committed. */
  async chooseCrs(id: string, raw: unknown, user: string) {
    const crs = parseSourceCrs(raw);
    await this.db.transaction(async (tx) => {
      const repo = new ImportsRepository(tx);
      const batch = await repo.batch(id, true);
      if (!batch) throw notFound(`Import "${id}" does not exist.`);
      if (batch.status === 'committed') throw new HttpError(409, 'Conflict', `Import "${id}" is already committed.`);
      refuseGridForKml(batch.format, crs);
      await applyCrs(repo, id, crs);
      await repo.setBatchCrs(id, crs.code, 'chosen after upload');
      await repo.audit(user, 'import.crs', id, { crs: crs.code });
    }, user);
    return this.header(id, false);
  }

  /**
   * Writes every new and changed item to `features` in one transaction (versions and history come from
   * the trigger): all of it, or — if any write fails — none of it. The plan is recomputed inside the
   * transaction; a preview_token from an older preview is a 412.
   */
  async commit(id: string, body: { accuracy?: unknown; makeValid?: unknown; preview_token?: unknown }, user: string) {
    const accuracy = body.accuracy ?? 'digitised';
    if (!ACCURACY.includes(accuracy as never)) throw new HttpError(400, 'Bad Request', 'accuracy must be "surveyed" or "digitised".');
    if (body.makeValid !== undefined && typeof body.makeValid !== 'boolean') throw new HttpError(400, 'Bad Request', 'makeValid must be true or false.');
    if (body.preview_token !== undefined && typeof body.preview_token !== 'string') throw new HttpError(400, 'Bad Request', 'preview_token must be the string from the preview.');
    const makeValid = body.makeValid === true;
    return this.db.transaction(async (tx) => {
      const repo = new ImportsRepository(tx);
      const batch = await repo.batch(id, true);
      if (!batch) throw notFound(`Import "${id}" does not exist.`);
      if (batch.status === 'committed') throw new HttpError(409, 'Conflict', `Import "${id}" was already committed by ${batch.committed_by}.`, {}, { result: batch.result });
      if (!batch.source_crs) throw new HttpError(409, 'Conflict', 'Choose the CRS first: POST /api/imports/:id/crs.', {}, { crs_choices: CRS_CHOICES.map(crsJson) });
      const items = (await repo.facts(id, makeValid)).map((f) => decide(f, id, true));
      if (body.preview_token !== undefined && body.preview_token !== planToken(items)) {
        throw new HttpError(412, 'Precondition Failed', 'The data changed since this preview (another edit or import): read the preview again and re-check.');
      }
      const edits = new EditsRepository(tx);
      const inserted: string[] = [];
      const updated: string[] = [];
      for (const it of items) {
        if (it.status !== 'new' && it.status !== 'changed') continue;
        try {
          if (it.status === 'new') {
            const v = await edits.insert({ id: it.feature_id!, layer_id: batch.layer_id, name_zh: it.name_zh, name_en: it.name_en, accuracy: accuracy as string, geometry: it.geometry, parent_id: null, properties: it.properties });
            if (v === null) throw new HttpError(409, 'Conflict', `Item ${it.seq}: feature "${it.feature_id}" was created meanwhile. Nothing was written; read the preview again.`);
            inserted.push(it.feature_id!);
            await repo.audit(user, 'feature.create', it.feature_id!, { import: id, seq: it.seq });
          } else {
            const m = it.match!;
            const v = await edits.update(m.id, m.version, {
              name_zh: it.name_zh !== m.name_zh ? it.name_zh : undefined,
              name_en: it.name_en,
              ...(it.geometry_changed ? { geometry: it.geometry, accuracy: accuracy as string } : {}),
              properties: it.properties,
            });
            if (v === null) throw new HttpError(412, 'Precondition Failed', `Item ${it.seq}: feature "${m.id}" was changed meanwhile. Nothing was written; read the preview again.`);
            updated.push(m.id);
            await repo.audit(user, 'feature.update', m.id, { import: id, seq: it.seq, from: m.version, to: v });
          }
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw unprocessable(`Item ${it.seq} (feature "${it.feature_id}") could not be written: ${(e as Error).message}. Nothing was written.`, { seq: it.seq });
        }
      }
      const result = { inserted, updated, unchanged: items.filter((i) => i.status === 'unchanged').length, rejected: items.filter((i) => i.status === 'rejected').length, accuracy, make_valid: makeValid };
      await repo.markCommitted(id, user, result);
      await repo.audit(user, 'import.commit', id, result);
      return { id, ...result };
    }, user);
  }

  /** Discards an uncommitted batch. 409 once committed (it is the record of what was imported). */
  async discard(id: string, user: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = new ImportsRepository(tx);
      const batch = await repo.batch(id, true);
      if (!batch) throw notFound(`Import "${id}" does not exist.`);
      if (batch.status === 'committed') throw new HttpError(409, 'Conflict', `Import "${id}" is committed and is kept as its record.`);
      await repo.deleteBatch(id);
      await repo.audit(user, 'import.discard', id, {});
    }, user);
  }
}
