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
