import initSqlJs from 'sql.js';

let engine: ReturnType<typeof initSqlJs> | null = null;

/** sql.js (SQLite compiled to WebAssembly, shipped inside the package), loaded once. */
export function sqlite(): ReturnType<typeof initSqlJs> {
  engine ??= initSqlJs();
  return engine;
}

/** SQLite's 16-byte file header: GeoPackages are SQLite databases. */
export const looksLikeSqlite = (b: Uint8Array) => b.length >= 16 && Buffer.from(b.subarray(0, 16)).toString('latin1') === 'SQLite format 3\0';

/** An SQLite identifier, double-quoted (names come from the uploaded file, never from a request). */
export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
