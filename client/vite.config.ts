import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { portableBuildConfig } from './portable/vite.config.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The API server the dev server proxies to: PORT as `npm run dev` passes it to the server, else 3000. */
const apiTarget = `http://localhost:${process.env.PORT ?? 3000}`;
const outDir = process.env.ATLAS_CLIENT_DIR ?? here('../dist/client');

/** Builds the client from client/ into dist/client; in dev, proxies /api to the API server. */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [
    react(),
    {
      // MapLibre is a dynamic import (lib/maplibre.ts) so the panels do not wait for it, but the map
      // does: hint its chunk and its worker in index.html so they download while the entry script
      // parses instead of after it (issue 19: map idle).
      name: 'atlas-preload-maplibre',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(_html, ctx) {
          const files = Object.values(ctx.bundle ?? {}).map((c) => c.fileName);
          const lib = files.find((f) => /\/maplibre-gl-[\w-]+\.js$/.test(f));
          const worker = files.find((f) => /\/maplibre-gl-worker-[\w-]+\.mjs$/.test(f));
          return [
            ...(lib ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${lib}` }, injectTo: 'head' as const }] : []),
            ...(worker ? [{ tag: 'link', attrs: { rel: 'prefetch', href: `/${worker}` }, injectTo: 'head' as const }] : []),
          ];
        },
      },
    },
    {
      // The portable briefing presenter is built beside the app (into <outDir>/portable/) so every build has it.
      name: 'atlas-portable',
      apply: 'build',
      async closeBundle() {
        await build(portableBuildConfig(outDir));
      },
    },
  ],
  resolve: {
    alias: { '@contract': here('../contract') },
  },
  build: {
    // ATLAS_CLIENT_DIR lets parallel checkouts/builds use their own output (test/support/browser-setup.ts reads it too).
    outDir,
    emptyOutDir: true,
    // The maplibre worker is its own module file; keep sourcemaps off so dist stays small.
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
});
