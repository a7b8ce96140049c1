import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { tooLarge, unprocessable } from './problems.js';

// GDAL could read zips itself (/vsizip/), but it would inflate whatever a header claims inside the
// conversion worker. The zip-bomb guard stays here, on fflate: the central directory is read first
// (entry count and declared sizes refused before anything is inflated), then every entry is inflated as
// a stream and counted, so a header that lies about its size is stopped at the budget, not after.

/** One file taken out of a zip archive. */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated. */
  name: string;
  data: Buffer;
}

export interface ZipLimits {
  zipEntries: number;
  unzippedBytes: number;
}

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export const looksLikeZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030');
/** fflate decodes names without the UTF-8 flag as Latin-1: re-read those bytes as UTF-8, else GB18030 (Windows in China). */
function entryName(name: string): string {
  if ([...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const bytes = Buffer.from(name, 'latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return gb.decode(bytes);
  }
}

const skipped = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name);

/**
 * The files of a zip archive, refused (413) when it has too many entries or declares or inflates past
 * `unzippedBytes`, and (422) when it is damaged, encrypted or uses a method other than store/deflate.
 * Folders and macOS resource forks are skipped.
 */
export function readZip(buf: Buffer, limits: ZipLimits, label = 'The zip'): ZipEntry[] {
  if (!looksLikeZip(buf)) throw unprocessable(`${label} is not a zip archive.`);
  const heads: Array<{ name: string; size: number; method: number }> = [];
  try {
    unzipSync(buf, {
      filter: (f) => {
        heads.push({ name: f.name, size: f.originalSize, method: f.compression });
        return false;
      },
    });
  } catch (e) {
    if ((e as { status?: number }).status) throw e;
    throw unprocessable(`${label} is damaged: ${(e as Error).message} (truncated download?).`);
  }
  if (heads.length > limits.zipEntries) throw tooLarge(`${label} holds ${heads.length} entries; at most ${limits.zipEntries} are read.`, { limit: 'zipEntries' });
  const declared = heads.reduce((n, h) => n + h.size, 0);
  if (declared > limits.unzippedBytes) {
    throw tooLarge(`${label} would inflate to ${declared} bytes; at most ${limits.unzippedBytes} are read (a zip bomb?).`, { limit: 'unzippedBytes' });
  }
  const bad = heads.find((h) => !skipped(h.name) && h.method !== 0 && h.method !== 8);
  if (bad) throw unprocessable(`${label}: "${entryName(bad.name)}" uses compression method ${bad.method}; only stored and deflated entries are read.`);

  const out: ZipEntry[] = [];
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (skipped(file.name) || failure) return;
    const chunks: Uint8Array[] = [];
    const name = entryName(file.name);
    // The central directory's size for this entry: inflating past it means the headers lie.
    const allowed = Math.min(heads.find((h) => h.name === file.name)?.size ?? limits.unzippedBytes, limits.unzippedBytes);
    let mine = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = unprocessable(`${label} is damaged: "${name}" does not inflate (${err.message}).`);
        return;
      }
      total += chunk.length;
      mine += chunk.length;
      if (mine > allowed) {
        failure = tooLarge(`${label}: "${name}" inflates past ${allowed} bytes, the size its header declares (a zip bomb?).`, { limit: 'unzippedBytes' });
        file.terminate();
        return;
      }
      if (total > limits.unzippedBytes) {
        failure = tooLarge(`${label}: "${name}" inflates past ${limits.unzippedBytes} bytes in all (a zip bomb?).`, { limit: 'unzippedBytes' });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.push({ name, data: Buffer.concat(chunks) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Fed in slices so that a lying entry is stopped within a slice's worth of inflation.
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < buf.length && !failure; i += SLICE) unzip.push(buf.subarray(i, i + SLICE), i + SLICE >= buf.length);
  } catch (e) {
    failure ??= unprocessable(`${label} is damaged: ${(e as Error).message}.`);
  }
  if (failure) throw failure;
  return out;
}
