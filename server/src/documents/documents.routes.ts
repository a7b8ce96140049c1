import { Router } from 'express';
import type { DocumentsRepository } from './documents.repository.js';
import { sendJsonText } from '../http/send.js';
import { badRequest, notFound } from '../http/problem.js';

const DOC_ID = /^(\d{3}|ext:[a-z0-9-]{1,60})$/;

/** GET /api/documents and GET /api/documents/:id. */
export function documentsRoutes(repo: DocumentsRepository): Router {
  const r = Router();
  r.get('/documents', async (req, res) => sendJsonText(req, res, await repo.list()));
  r.get('/documents/:id', async (req, res) => {
    const id = req.params.id;
    if (!DOC_ID.test(id)) throw badRequest('Invalid document id: expected three digits (e.g. 002) or ext:<slug>.');
    const body = await repo.one(id);
    if (body === null) throw notFound(`Document "${id}" does not exist.`);
    sendJsonText(req, res, body, { maxAge: 300 });
  });
  return r;
}
