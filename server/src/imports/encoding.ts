import { badRequest } from '../http/problem.js';

/**
 * Text encodings of attribute tables (DBF, MapInfo .dat/.mid): the names users and .cpg files give,
 * mapped to a WHATWG label (for TextDecoder) and the iconv name GDAL's ENCODING open option takes.
 * GB2312 and GBK are read as their superset GB18030.
 */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', '65001': 'utf-8',
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', cp936: 'gb18030', '936': 'gb18030', 'ansi 936': 'gb18030', '54936': 'gb18030',
  big5: 'big5', cp950: 'big5', '950': 'big5', 'ansi 950': 'big5',
  '1252': 'windows-1252', cp1252: 'windows-1252', 'ansi 1252': 'windows-1252', 'iso-8859-1': 'windows-1252', '88591': 'windows-1252', latin1: 'windows-1252',
};
const GDAL_NAME: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030', big5: 'BIG5', 'windows-1252': 'CP1252' };

/** The WHATWG label for a user's `encoding` field or a .cpg text, or null when unknown. */
export function encodingLabel(raw: string): string | null {
  const key = raw.trim().toLowerCase();
  if (ALIASES[key]) return ALIASES[key];
  try {
    return new TextDecoder(key).encoding;
  } catch {
    return null;
  }
}

/** The name GDAL (iconv) knows a WHATWG label by. */
export const gdalEncoding = (label: string) => GDAL_NAME[label] ?? label.toUpperCase();

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Decodes text whose encoding nothing states: as UTF-8 when the bytes are valid UTF-8, else as GB18030
 * (GBK's superset, what Chinese Windows and Excel write) when they are valid as such; null when neither.
 * `guessed` is true when it is read as GB18030, so the caller can say so.
 */
export function decodeUtf8OrGbk(bytes: Uint8Array): { text: string; label: 'utf-8' | 'gb18030'; guessed: boolean } | null {
  try {
    return { text: utf8.decode(bytes), label: 'utf-8', guessed: false };
  } catch {
    try {
      return { text: gb18030.decode(bytes), label: 'gb18030', guessed: true };
    } catch {
      return null;
    }
  }
}

/** The form field `encoding` of an upload: null when not given, its WHATWG label, or a 400 for a name no decoder knows. */
export function declaredEncoding(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  const label = encodingLabel(raw);
  if (!label) throw badRequest(`Unknown encoding "${raw.slice(0, 40)}"; use UTF-8 or GBK.`);
  return label;
}
