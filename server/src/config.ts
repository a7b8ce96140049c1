import path from 'node:path';

/** Runtime configuration, all from the environment. */
export interface Config {
  port: number;
  /** Unset = the embedded PGlite engine. */
  databaseUrl: string | null;
  /** A read replica of DATABASE_URL for anonymous reads (PostgreSQL only); unset = read the primary. */
  databaseReadUrl: string | null;
  /** Where the embedded engine keeps its files. */
  dataDir: string;
  /** Built client to serve, if present. */
  clientDir: string;
}

/** Reads PORT, DATABASE_URL and DATA_DIR; throws on a malformed PORT. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    databaseReadUrl: env.DATABASE_READ_URL?.trim() || null,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
  };
}
