import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { RequestHandler, Request } from 'express';
import { AuthRepository, type Role, type User } from './auth.repository.js';
import { HttpError, badRequest } from '../http/problem.js';
import type { Queryable } from '../db/database.js';

export const SESSION_COOKIE = 'atlas_session';
const SESSION_HOURS = 12;
const BCRYPT_ROUNDS = 11;

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in user, set by AuthService.attach. */
    user?: (User & { csrf_token: string }) | null;
  }
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const USERNAME = /^[a-z0-9_.-]{2,40}$/;

/** Checks a new password: long enough, not absurdly long (bcrypt reads 72 bytes). */
export function checkPassword(p: unknown): string {
  if (typeof p !== 'string' || p.length < 10 || Buffer.byteLength(p) > 72) throw badRequest('Password must be 10–72 bytes long.');
  return p;
}

/** Checks a user name: 2–40 of a-z, 0-9, '_', '.', '-'. */
export function checkUsername(u: unknown): string {
  if (typeof u !== 'string' || !USERNAME.test(u)) throw badRequest('Username must be 2–40 characters of a-z, 0-9, "_", "." or "-".');
  return u;
}

/** A fixed hash to compare against when the user does not exist, so timing does not reveal names. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 4);

/** Sessions, roles and CSRF: who may write. */
export class AuthService {
  readonly repo: AuthRepository;
  constructor(db: Queryable) {
    this.repo = new AuthRepository(db);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, BCRYPT_ROUNDS);
  }

  /** Verifies credentials and opens a session: returns the raw session id (for the cookie) and the CSRF token. */
  async login(username: string, password: string): Promise<{ sessionId: string; csrfToken: string; user: User } | null> {
    const u = USERNAME.test(username) ? await this.repo.findUser(username) : null;
    const ok = await bcrypt.compare(password, u?.password_hash ?? DUMMY_HASH);
    if (!u || !ok) return null;
    const sessionId = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    await this.repo.createSession(sha256(sessionId), u.username, csrfToken, SESSION_HOURS);
    return { sessionId, csrfToken, user: { username: u.username, role: u.role } };
  }

  async logout(sessionId: string): Promise<void> {
    await this.repo.deleteSession(sha256(sessionId));
  }

  /** Middleware: sets req.user from the session cookie (or null). */
  attach: RequestHandler = async (req, _res, next) => {
    const sid = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    req.user = sid && sid.length < 100 ? await this.repo.findSession(sha256(sid)) : null;
    next();
  };

  /** Middleware: 401 without a session, 403 without the role, 403 without the session's CSRF token in X-CSRF-Token. */
  require(role: Role): RequestHandler {
    return (req, _res, next) => {
      if (!req.user) throw new HttpError(401, 'Unauthorized', 'Sign in as an editor to change data.', { 'WWW-Authenticate': 'Cookie realm="atlas"' });
      if (role === 'admin' && req.user.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only an admin may do this.');
      if (!csrfOk(req)) throw new HttpError(403, 'Forbidden', 'Missing or wrong X-CSRF-Token header.');
      next();
    };
  }

  /** Creates the first admin from ATLAS_ADMIN_USER / ATLAS_ADMIN_PASSWORD when there are no users yet. */
  async bootstrapAdmin(env: NodeJS.ProcessEnv, log = console.log): Promise<void> {
    if ((await this.repo.countUsers()) > 0) return;
    const password = env.ATLAS_ADMIN_PASSWORD;
    if (!password) {
      log('[auth] no users yet: set ATLAS_ADMIN_PASSWORD (and optionally ATLAS_ADMIN_USER) to create the first admin. Reading needs no account.');
      return;
    }
    const username = checkUsername(env.ATLAS_ADMIN_USER ?? 'admin');
    await this.repo.createUser(username, await this.hash(checkPassword(password)), 'admin');
    log(`[auth] created admin "${username}"`);
  }
}

function csrfOk(req: Request): boolean {
  const sent = req.get('x-csrf-token') ?? '';
  const want = req.user?.csrf_token ?? '';
  return sent.length === want.length && want.length > 0 && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(want));
}
