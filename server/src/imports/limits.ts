import { MAX_VERTICES } from '../edits/edits.routes.js';

/** What one upload may hold; each limit breached is a 413 (or 422) problem and nothing is stored. */
export const IMPORT_LIMITS = {
  /** Bytes of the uploaded file. */
  uploadBytes: 50 * 1024 * 1024,
  /** Features in one file. */
  features: 50_000,
  /** Vertices in one feature: the same ceiling as a single edit. */
  verticesPerFeature: MAX_VERTICES,
  /** Vertices in the whole file. */
  verticesTotal: 2_000_000,
  /** Entries in a zip (a shapefile needs 4–6; the rest is slack for readme files and folders). */
  zipEntries: 100,
  /** Bytes of all zip entries once inflated: the zip-bomb guard, checked before and during inflation. */
  unzippedBytes: 200 * 1024 * 1024,
  /** Milliseconds GDAL may take over one step of reading a file (the worker is replaced after a timeout). */
  conversionMs: Number(process.env.ATLAS_IMPORT_CONVERSION_MS ?? 60_000),
};

export type ImportLimits = typeof IMPORT_LIMITS;
