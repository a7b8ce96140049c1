import zlib from 'node:zlib';
import { tooLarge, unprocessable } from './problems.js';

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

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a zip archive (a local file header, or an empty archive). */
export const looksLikeZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030');
/** Entry names: UTF-8 when flagged or valid, else GB18030 (what Windows in China writes). */
function entryName(bytes: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return bytes.toString('utf8');
  try {
    return utf8.decode(bytes);
  } catch {
    return gb.decode(bytes);
  }
}

/**
 * Reads a zip archive from the central directory, refusing before inflating anything when it has
 * too many entries or declares too many bytes, and again while inflating when an entry inflates
 * past what is left of the budget (a header that lies about its size). Encrypted entries, methods
 * other than store/deflate, ZIP64 and CRC mismatches are 422s. Folders and macOS resource forks are skipped.
 */
export function readZip(buf: Buffer, limits: ZipLimits, label = 'The zip'): ZipEntry[] {
  if (!looksLikeZip(buf)) throw unprocessable(`${label} is not a zip archive.`);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unprocessable(`${label} is damaged: its central directory is missing (truncated download?).`);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw unprocessable(`${label} is a ZIP64 archive, which is not supported; zip fewer or smaller files.`);
  if (count > limits.zipEntries) throw tooLarge(`${label} holds ${count} entries; at most ${limits.zipEntries} are read.`, { limit: 'zipEntries' });
  if (cdOffset + cdSize > eocd) throw unprocessable(`${label} is damaged: its central directory points outside the file.`);

  const heads: Array<{ name: string; method: number; crc: number; csize: number; usize: number; local: number; flags: number }> = [];
  let declared = 0;
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw unprocessable(`${label} is damaged: bad central directory entry ${i + 1}.`);
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const head = {
      flags,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      csize: buf.readUInt32LE(p + 20),
      usize: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
      name: entryName(buf.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
    };
    declared += head.usize;
    heads.push(head);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (declared > limits.unzippedBytes) {
    throw tooLarge(`${label} would inflate to ${declared} bytes; at most ${limits.unzippedBytes} are read (a zip bomb?).`, { limit: 'unzippedBytes' });
  }

  const out: ZipEntry[] = [];
  let budget = limits.unzippedBytes;
  for (const h of heads) {
    if (h.name.endsWith('/') || h.name.startsWith('__MACOSX/') || /(^|\/)\._/.test(h.name)) continue;
    if (h.flags & 1) throw unprocessable(`${label}: "${h.name}" is encrypted; upload it without a password.`);
    if (h.local + 30 > buf.length || buf.readUInt32LE(h.local) !== LOCAL) throw unprocessable(`${label} is damaged: "${h.name}" has no local header.`);
    const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
    if (start + h.csize > buf.length) throw unprocessable(`${label} is damaged: "${h.name}" runs past the end of the file.`);
    const raw = buf.subarray(start, start + h.csize);
    let data: Buffer;
    if (h.method === 0) {
      data = raw;
    } else if (h.method === 8) {
      try {
        // Bounded by what is left of the budget, not by the declared size: headers can lie.
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          throw tooLarge(`${label}: "${h.name}" inflates past ${limits.unzippedBytes} bytes in all (a zip bomb?).`, { limit: 'unzippedBytes' });
        }
        throw unprocessable(`${label} is damaged: "${h.name}" does not inflate (${(e as Error).message}).`);
      }
    } else {
      throw unprocessable(`${label}: "${h.name}" uses compression method ${h.method}; only stored and deflated entries are read.`);
    }
    if (data.length !== h.usize || zlib.crc32(data) !== h.crc) throw unprocessable(`${label} is damaged: "${h.name}" fails its size or CRC check.`);
    budget -= data.length;
    out.push({ name: h.name, data });
  }
  return out;
}
