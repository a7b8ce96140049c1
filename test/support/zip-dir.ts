import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

/** Every file below a folder GDAL wrote (a .gdb, a MapInfo table, a shapefile set), zipped under `prefix`. */
export function zipDir(d: string, prefix = ''): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (rel: string) => {
    for (const f of fs.readdirSync(path.join(d, rel))) {
      const r = rel ? `${rel}/${f}` : f;
      if (fs.statSync(path.join(d, r)).isDirectory()) walk(r);
      else files[`${prefix}${r}`] = fs.readFileSync(path.join(d, r));
    }
  };
  walk('');
  return Buffer.from(zipSync(files));
}
