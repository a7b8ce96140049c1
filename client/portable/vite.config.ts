import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The portable presenter (client/portable/main.ts) as ONE classic script plus one stylesheet, written to
 * `<outDir>/portable/` with a copy of MapLibre's worker; server/src/portable inlines all three into the
 * exported HTML. The main client build (client/vite.config.ts) runs this after itself.
 */
export function portableBuildConfig(outDir: string): InlineConfig {
  const dir = path.join(outDir, 'portable');
  return {
    configFile: false,
    root: here('.'),
    logLevel: 'warn',
    resolve: { alias: { '@contract': here('../../contract') } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: dir,
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 4000,
      cssCodeSplit: false,
      rollupOptions: {
        // MapLibre reads import.meta.url only to find its worker; the portable file sets the worker itself.
        onLog(level, log, handler) {
          if (log.code === 'EMPTY_IMPORT_META') return;
          handler(level, log);
        },
      },
      lib: { entry: here('main.ts'), formats: ['iife'], name: 'AtlasPortable', fileName: () => 'portable.js', cssFileName: 'portable' },
    },
    plugins: [
      {
        name: 'atlas-portable-worker',
        closeBundle() {
          fs.copyFileSync(here('../../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'), path.join(dir, 'maplibre-gl-worker.mjs'));
        },
      },
    ],
  };
}
