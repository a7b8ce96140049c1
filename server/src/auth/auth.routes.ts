import { Router, type CookieOptions } from 'express';
import { AuthService, SESSION_COOKIE, checkPassword, checkUsername } from './auth.service.js';
import { HttpError, badRequest, notFound } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';

/** Cookie flags: HttpOnly, SameSite=Strict, Secure unless COOKIE_SECURE=false (plain-http LAN installs). */
export function sessionCookie(env: NodeJS.ProcessEnv = process.env): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: env.COOKIE_SECURE !== 'false', path: '/' };
}

/** The body as an object with only these keys: an unknown key is an error, never silently ignored. */
function onlyFields(body: unknown, allowed: string[]): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Send a JSON object.');
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length) throw badRequest(`Unknown field(s): ${unknown.join(', ').slice(0, 200)}. Allowed: ${allowed.join(', ')}.`);
  return body as Record<string, unknown>;
}

/** /api/auth/{login,logout,me} and the admin's /api/users. */
export function authRoutes(auth: AuthService): Router {
  const r = Router();
  const loginLimit = rateLimit({ windowMs: 10 * 60_000, max: 10, key: (req) => `${req.ip}|${String(req.body?.username ?? '')}` });

  r.post('/auth/login', loginLimit, async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string') throw badRequest('Send {"username", "password"} as JSON.');
    const s = await auth.login(username, password);
    if (!s) throw new HttpError(401, 'Unauthorized', 'Wrong username or password.');
    await auth.repo.audit(s.user.username, 'login', null);
    res.cookie(SESSION_COOKIE, s.sessionId, { ...sessionCookie(), maxAge: 12 * 3600_000 });
    res.set('Cache-Control', 'no-store').json({ user: s.user, csrfToken: s.csrfToken });
  });

  r.post('/auth/logout', async (req, res) => {
    const sid = (req.cookies as Record<string, string>)[SESSION_COOKIE];
    if (sid) await auth.logout(sid);
    res.clearCookie(SESSION_COOKIE, sessionCookie());
    res.status(204).end();
  });

  r.get('/auth/me', (req, res) => {
    res.set('Cache-Control', 'no-store').json(
      req.user ? { user: { username: req.user.username, role: req.user.role }, csrfToken: req.user.csrf_token } : { user: null, csrfToken: null },
    );
  });

  r.get('/users', auth.require('admin'), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await auth.repo.listUsers());
  });

  r.post('/users', auth.require('admin'), async (req, res) => {
    const { username, password, role } = onlyFields(req.body, ['username', 'password', 'role']);
    const name = checkUsername(username);
    if (role !== 'editor' && role !== 'admin') throw badRequest('role must be "editor" or "admin".');
    const created = await auth.repo.createUser(name, await auth.hash(checkPassword(password)), role);
    if (!created) throw new HttpError(409, 'Conflict', `User "${name}" exists.`);
    await auth.repo.audit(req.user!.username, 'user.create', name, { role });
    res.status(201).json({ username: name, role });
  });

  r.patch('/users/:username', auth.require('admin'), async (req, res) => {
    const name = checkUsername(req.params.username);
    const { role, password, disabled } = onlyFields(req.body, ['role', 'password', 'disabled']);
    if (role === undefined && password === undefined && disabled === undefined) throw badRequest('Nothing to change: send role, password or disabled.');
    if (role !== undefined && role !== 'editor' && role !== 'admin') throw badRequest('role must be "editor" or "admin".');
    if (disabled !== undefined && typeof disabled !== 'boolean') throw badRequest('disabled must be true or false.');
    const hash = password === undefined ? undefined : await auth.hash(checkPassword(password));
    if (!(await auth.repo.updateUser(name, { role: role as 'editor' | 'admin' | undefined, hash, disabled: disabled as boolean | undefined }))) throw notFound(`User "${name}" does not exist.`);
    await auth.repo.audit(req.user!.username, 'user.update', name, { role, disabled, password: password === undefined ? undefined : 'changed' });
    res.status(204).end();
  });
  return r;
}
