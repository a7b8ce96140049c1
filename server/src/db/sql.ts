import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loads a fixed SQL file that sits next to the module that uses it (read once, at import). */
export function sqlFile(moduleUrl: string, name: string): string {
  return fs.readFileSync(path.join(path.dirname(fileURLToPath(moduleUrl)), name), 'utf8');
}
