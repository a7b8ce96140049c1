import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError, badRequest } from '../http/problem.js';
import { tooLarge, unsupported } from './problems.js';

export interface Upload {
  file: { name: string; data: Buffer };
  /** The other file parts, when `maxFiles` allowed more than one (a shapefile's loose parts). */
  more: Array<{ name: string; data: Buffer }>;
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data upload: one file part named "file" (or up to `maxFiles` of them, all named
 * "file") of at most `maxBytes` in all, and a few short text fields. Over-long uploads are read to the end
 * and discarded (so the client gets its 413 instead of a reset connection); nothing touches the disk.
 */
export function readUpload(req: Request, maxBytes: number, maxFiles = 1): Promise<Upload> {
  if (!/^multipart\/form-data/i.test(req.get('content-type') ?? '')) {
    return Promise.reject(unsupported('Send the file as multipart/form-data with a part named "file" (and fields "layer", optionally "crs" and "encoding").'));
  }
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: maxFiles, fields: 10, fieldSize: 1024, parts: 11 + maxFiles }, defParamCharset: 'utf8' });
    } catch (e) {
      reject(badRequest(`Malformed multipart request: ${(e as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    const files: Array<Upload['file']> = [];
    let total = 0;
    let failure: HttpError | null = null;
    const fail = (e: HttpError) => (failure ??= e);
    bb.on('file', (name, stream, info) => {
      // A form cut off inside a file part destroys the part's stream with an error: without a listener
      // that error would be uncaught and take the process down.
      stream.on('error', (e: Error) => fail(badRequest(`Malformed multipart request: ${e.message}`)));
      if (name !== 'file') {
        fail(badRequest(`Unexpected file part "${name}": send the file in a part named "file".`));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const over = () => fail(tooLarge(`The upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { limit: 'uploadBytes' }));
      stream.on('data', (c: Buffer) => {
        total += c.length;
        if (total > maxBytes) over();
        else chunks.push(c);
      });
      stream.on('limit', over);
      stream.on('end', () => {
        if (!failure) files.push({ name: info.filename || 'upload', data: Buffer.concat(chunks) });
      });
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(badRequest(`Field "${name}" is too long.`));
      fields[name] = value;
    });
    bb.on('filesLimit', () => fail(badRequest(maxFiles === 1 ? 'Send one file per upload.' : `Send at most ${maxFiles} files per upload.`)));
    bb.on('fieldsLimit', () => fail(badRequest('Too many form fields.')));
    bb.on('partsLimit', () => fail(badRequest('Too many form parts.')));
    bb.on('error', (e) => reject(failure ?? badRequest(`Malformed multipart request: ${(e as Error).message}`)));
    bb.on('close', () => {
      if (failure) reject(failure);
      else if (files.length === 0) reject(badRequest('No file: send it in a multipart part named "file".'));
      else resolve({ file: files[0], more: files.slice(1), fields });
    });
    req.pipe(bb);
  });
}
