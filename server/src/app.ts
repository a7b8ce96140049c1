import type { GdalRunner } from './gdal/gdal.js';
import express, { type Express } from 'express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import { reads, readsFromReplica, type Database } from './db/database.js';
import { CacheInvalidation } from './tiles/invalidation.js';
import { LayersRepository } from './layers/layers.repository.js';
import { LayersService } from './layers/layers.service.js';
import { layersRoutes } from './layers/layers.routes.js';
import { FeaturesRepository } from './features/features.repository.js';
import { featuresRoutes } from './features/features.routes.js';
import { ChainsRepository } from './chains/chains.repository.js';
import { chainsRoutes } from './chains/chains.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { targetsRoutes } from './targets/targets.routes.js';
import { figuresRoutes } from './figures/figures.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { discrepanciesRoutes } from './discrepancies/discrepancies.routes.js';
import { matchRoutes } from './match/match.routes.js';
import { sitesRoutes } from './sites/sites.routes.js';
import { TaxonomyRepository } from './taxonomy/taxonomy.repository.js';
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.js';
import { AuthService } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { editsRoutes } from './edits/edits.routes.js';
import { viewsRoutes } from './views/views.routes.js';
import { ogcRoutes } from './ogc/ogc.routes.js';
import { tilesRoutes } from './tiles/tiles.routes.js';
import { exportsRoutes } from './exports/exports.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { IMPORT_LIMITS, type ImportLimits } from './imports/limits.js';
import { compareRoutes } from './compare/compare.routes.js';
import { pdfRoutes } from './pdf/pdf.routes.js';
import { portableRoutes } from './portable/portable.routes.js';
import { apiNotFound, problemHandler } from './http/problem.js';
import { defaultWriteLimit, writeRateLimit, type WriteLimit } from './http/rate-limit.js';
import { checkBody, rejectNulInUrl } from './http/body.js';
import { preloadPaths, withPreloads } from './http/index-html.js';
import { SESSION_COOKIE } from './auth/auth.service.js';

// Online basemaps are opt-in; these are the only hosts the page may ever reach besides itself.
const ONLINE_TILES = ['https://*.tianditu.gov.cn', 'https://tile.openstreetmap.org'];

/** The content security policy the client satisfies: no inline scripts, workers from blob: (MapLibre). */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', ...ONLINE_TILES],
  connectSrc: ["'self'", ...ONLINE_TILES],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  frameAncestors: ["'self'"],
  upgradeInsecureRequests: null,
};

export interface AppOptions {
  /** The built client to serve at /, if it exists. */
  clientDir?: string;
  /** The built portable presenter (client/portable); default `<clientDir>/portable`. */
  portableDir?: string;
  /** Writes per window per session (or IP); default ATLAS_WRITE_LIMIT per minute (see http/rate-limit.ts). */
  writeLimit?: WriteLimit;
  /** Overrides of the import limits (tests shorten the conversion time limit). */
  importLimits?: Partial<ImportLimits>;
  /** The GDAL runner imports use; default the process's one (tests give one with low memory or time limits). */
  gdal?: GdalRunner;
}

/** Builds the Express app: API under /api, the built client everywhere else. */
export function createApp(db: Database, opts: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are computed by us, strong, from the bytes sent.
  app.use(rejectNulInUrl);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: true, directives: CSP }, crossOriginEmbedderPolicy: false }));
  // Vector tiles are not marked compressible by mime-db, but protobuf gzips well.
  app.use(compression({
    threshold: 1024,
    // Tiles are gzipped by the tile service once per tile (a fresh tile goes out as encoded: res.locals.uncompressed).
    filter: (req, res) => !(res as express.Response).locals?.uncompressed && (/vnd\.mapbox-vector-tile/.test(String(res.getHeader('Content-Type'))) || compression.filter(req, res)),
  }));
  // With DATABASE_READ_URL, only anonymous GET/HEAD requests read from the replica (see docs/scaling.md).
  app.use((req, _res, next) => reads.run({ replica: readsFromReplica(req.method, req.headers.cookie, SESSION_COOKIE) }, next));
  // Data-version NOTIFYs from any instance drop this instance's layer and tile caches.
  const invalidation = new CacheInvalidation(db);
  app.locals.invalidation = invalidation;

  const auth = new AuthService(db);
  const api = express.Router();
  api.use(express.json({ limit: '25mb' }));
  api.use(checkBody(['/imports', '/documents', '/sites/imports', /^\/sites\/[a-z0-9][a-z0-9_-]{0,79}\/photos$/]));
  api.use(cookieParser());
  api.use(auth.attach);
  api.use(writeRateLimit(opts.writeLimit ?? defaultWriteLimit(), SESSION_COOKIE));
  api.use(healthRoutes(db));
  api.use(authRoutes(auth));
  api.use(editsRoutes(db, auth));
  api.use(viewsRoutes(db, auth));
  const layers = new LayersService(new LayersRepository(db));
  invalidation.subscribe((layer) => layers.drop(layer));
  api.use(layersRoutes(layers));
  api.use(featuresRoutes(new FeaturesRepository(db)));
  api.use(chainsRoutes(new ChainsRepository(db)));
  api.use(documentsRoutes(db, auth));
  api.use(targetsRoutes(db));
  api.use(figuresRoutes(db, auth));
  api.use(searchRoutes(db));
  api.use(discrepanciesRoutes(db, auth));
  api.use(matchRoutes(db));
  api.use(sitesRoutes(db, auth, { importLimits: opts.importLimits, gdal: opts.gdal }));
  api.use(taxonomyRoutes(new TaxonomyRepository(db)));
  api.use(exportsRoutes(db));
  api.use(importsRoutes(db, auth, { ...IMPORT_LIMITS, ...opts.importLimits }, opts.gdal));
  api.use(compareRoutes(db));
  api.use(pdfRoutes(db));
  api.use(portableRoutes(db, opts.portableDir ?? (opts.clientDir ? path.join(opts.clientDir, 'portable') : null)));
  api.use(apiNotFound);
  app.use('/api', api);
  app.use('/ogc', ogcRoutes(db));
  app.use('/tiles', tilesRoutes(db, { invalidation }));

  const clientDir = opts.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(
      express.static(clientDir, {
        index: false,
        setHeaders(res, file) {
          // Vite puts content hashes in asset names: those never change.
          res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    // /embed is the one page other sites may frame (the zone's website shows a view or a briefing in an iframe).
    app.get(['/embed', '/embed/'], (_req, res, next) => {
      res.removeHeader('X-Frame-Options');
      const csp = String(res.getHeader('Content-Security-Policy') ?? '');
      res.setHeader('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
      next();
    });
    // Read per request (it is small): a rebuild of the client must never leave a stale index pointing at deleted assets.
    app.get(/^(?!\/api\/).*/, async (req, res) => {
      const html = await fs.promises.readFile(path.join(clientDir, 'index.html'), 'utf8');
      // The layers' GeoJSON is the page's first data: hinted here, it downloads while the scripts do.
      // The page works without the hints, so a failing database only costs them.
      const all = await layers.ids().catch(() => [] as Array<{ id: string; theme: string }>);
      res.set('Cache-Control', 'no-cache').type('html').send(withPreloads(html, preloadPaths(all, req.query.sel)));
    });
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('The client is not built. Run `npm run build` (npm start does it for you).');
    });
  }
  // Anything unmatched (other methods, paths outside the client) is a problem+json 404 too.
  app.use(apiNotFound);
  app.use(problemHandler);
  return app;
}
