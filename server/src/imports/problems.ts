import { HttpError } from '../http/problem.js';

/** 413: the upload breaks one of IMPORT_LIMITS. */
export const tooLarge = (detail: string, extra: Record<string, unknown> = {}) => new HttpError(413, 'Payload Too Large', detail, {}, extra);

/** 422: the file is readable as bytes but not as what it claims to be, or its content cannot be used. */
export const unprocessable = (detail: string, extra: Record<string, unknown> = {}) => new HttpError(422, 'Unprocessable Content', detail, {}, extra);

/** 415: a file type the importer does not read at all. */
export const unsupported = (detail: string) => new HttpError(415, 'Unsupported Media Type', detail);
