import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The API server the dev server proxies to: PORT as `npm run dev` passes it to the server, else 3000. */
const apiTarget = `http://localhost:${process.env.PORT ?? 3000}`;

/** Builds the client from client/ into dist/client; in dev, proxies /api to the API server. */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@contract': here('../contract') },
  },
  build: {
    // ATLAS_CLIENT_DIR lets parallel checkouts/builds use their own output (test/support/browser-setup.ts reads it too).
    outDir: process.env.ATLAS_CLIENT_DIR ?? here('../dist/client'),
    emptyOutDir: true,
    // The maplibre worker is its own module file; keep sourcemaps off so dist stays small.
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
});
