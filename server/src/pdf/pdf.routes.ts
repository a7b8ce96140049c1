import { Router, type Request, type Response } from 'express';
import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { PdfRepository } from './pdf.repository.js';
import { PdfService } from './pdf.service.js';
import { parsePrintRequest } from './print.js';
import type { Lang } from './strings.js';

/** Options of the PDF routes. */
export interface PdfRoutesOptions {
  /** Base URL of the web app printed in QR codes; default env PUBLIC_URL, else the request's own origin. */
  publicUrl?: string | null;
  /** Clock for the generation date (tests pin it). */
  now?: () => Date;
}

function parseLang(raw: unknown, required: boolean): Lang | null {
  if (raw === undefined) return required ? 'zh' : null;
  if (raw !== 'zh' && raw !== 'en') throw badRequest('lang must be "zh" or "en".');
  return raw;
}

/** PUBLIC_URL when it is an absolute http(s) URL; anything else is ignored (with a warning) rather than printed into QR codes. */
function configuredBase(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString().replace(/\/+$/, '');
  } catch {
    // fall through
  }
  console.warn(`[pdf] PUBLIC_URL "${v}" is not an absolute http(s) URL; using each request's origin instead.`);
  return null;
}

/** The request's own origin; a Host header that is not a plain host[:port] is not echoed into a document. */
function requestBase(req: Request): string {
  const host = req.get('host') ?? '';
  return `${req.protocol}://${/^[a-z0-9.\-[\]:]{1,255}$/i.test(host) ? host : 'localhost'}`;
}

function sendPdf(res: Response, pdf: Buffer, filename: string) {
  res.set('Cache-Control', 'no-store');
  res.set('Content-Disposition', `inline; filename="${filename}"`);
  res.type('application/pdf').send(pdf);
}

/** GET /parks/:id/brief.pdf, POST /print, GET /briefings/:id/export.pdf — mount under /api after the JSON body parser. */
export function pdfRoutes(db: Queryable, opts: PdfRoutesOptions = {}): Router {
  const r = Router();
  const service = new PdfService(new PdfRepository(db), opts.now);
  const base = configuredBase(opts.publicUrl === undefined ? process.env.PUBLIC_URL : opts.publicUrl);

  r.get('/parks/:id/brief.pdf', async (req, res) => {
    const id = parseId(req.params.id, 'park id');
    const lang = parseLang(req.query.lang, true)!;
    const pdf = await service.parkBrief(id, lang, base ?? requestBase(req));
    if (!pdf) throw notFound(`Park "${id}" does not exist.`);
    sendPdf(res, pdf, `${id}-brief-${lang}.pdf`);
  });

  r.post('/print', async (req, res) => {
    const pdf = await service.print(parsePrintRequest(req.body));
    sendPdf(res, pdf, 'atlas-print.pdf');
  });

  r.get('/briefings/:id/export.pdf', async (req, res) => {
    const id = parseId(req.params.id, 'briefing id');
    const pdf = await service.briefing(id, parseLang(req.query.lang, false));
    if (!pdf) throw notFound('No such briefing.');
    sendPdf(res, pdf, `${id}.pdf`);
  });
  return r;
}
