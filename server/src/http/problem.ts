import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error that becomes an RFC 9457 problem+json response with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of the problem object (RFC 9457 extension members). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpError(404, 'Not Found', what);
export const badRequest = (detail: string) => new HttpError(400, 'Bad Request', detail);

const typeFor = (status: number) => `https://httpstatuses.io/${status}`;

/** Sends a problem+json body; never a stack trace. */
export function sendProblem(res: import('express').Response, status: number, title: string, detail?: string, instance?: string, extra: Record<string, unknown> = {}) {
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: typeFor(status), title, status, detail, instance, ...extra }));
}

/** 404 problem for any unmatched /api route. */
export const apiNotFound: RequestHandler = (req, res) => sendProblem(res, 404, 'Not Found', `No route for ${req.method} ${req.path}`, req.originalUrl);

/**
 * Errors that mean the database is away (refused, reset, shut down, starting up, connection lost or
 * timed out), not that the request was wrong: 503 with Retry-After.
 */
export function isUnavailable(code: string, message: string): boolean {
  return (
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|57P01|57P02|57P03|53300|08)/.test(code) ||
    /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|terminating connection/i.test(message)
  );
}

/** Turns any error into problem+json; unexpected ones are logged and reported as 500 or 503. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return res.destroy();
  if (err instanceof HttpError) {
    res.set(err.headers);
    return sendProblem(res, err.status, err.title, err.detail, req.originalUrl, err.extra);
  }
  // body-parser and friends mark client errors with status/statusCode.
  const status = Number((err as { status?: number }).status ?? (err as { statusCode?: number }).statusCode);
  if (status >= 400 && status < 500) return sendProblem(res, status, (err as Error).name || 'Bad Request', (err as Error).message, req.originalUrl);
  const code = (err as { code?: string }).code ?? '';
  // Our own triggers refuse a write with SQLSTATE AT4xx (e.g. AT409: a map feature that belongs to the site inventory).
  const own = /^AT(4\d\d)$/.exec(code);
  if (own) return sendProblem(res, Number(own[1]), Number(own[1]) === 409 ? 'Conflict' : 'Unprocessable Content', (err as Error).message, req.originalUrl);
  // Connection failures mean the database is away, not that the request was wrong.
  if (isUnavailable(code, (err as Error)?.message ?? '')) {
    res.set('Retry-After', '5');
    return sendProblem(res, 503, 'Service Unavailable', 'The database is not reachable; try again shortly.', req.originalUrl);
  }
  console.error(`[http] ${req.method} ${req.originalUrl}:`, err);
  return sendProblem(res, 500, 'Internal Server Error', 'An unexpected error occurred.', req.originalUrl);
};
