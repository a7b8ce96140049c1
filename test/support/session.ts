import type { TestApp } from './harness.js';
import { AuthService } from '../../server/src/auth/auth.service.js';

export interface Session {
  cookie: string;
  csrf: string;
  /** fetch with the session cookie and CSRF header. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** Creates a user with this role in the app's database and signs in through the API. */
export async function signIn(app: TestApp, username: string, role: 'editor' | 'admin'): Promise<Session> {
  const auth = new AuthService(app.db);
  const password = `pw-${username}-0123456789`;
  await auth.repo.createUser(username, await auth.hash(password), role);
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    fetch: (path, init = {}) =>
      fetch(app.url + path, { ...init, headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, ...(init.headers ?? {}) } }),
  };
}
