import type { Queryable } from '../db/database.js';

export type Role = 'editor' | 'admin';

export interface User {
  username: string;
  role: Role;
}

/** All SQL about users, sessions and the audit log. */
export class AuthRepository {
  constructor(private readonly db: Queryable) {}

  /** The user with its hash, or null (also null when disabled). */
  async findUser(username: string): Promise<(User & { password_hash: string }) | null> {
    const { rows } = await this.db.query<User & { password_hash: string }>(
      'SELECT username, role, password_hash FROM users WHERE username = $1 AND NOT disabled', [username]);
    return rows[0] ?? null;
  }

  async listUsers(): Promise<Array<User & { created_at: string; disabled: boolean }>> {
    return (await this.db.query<User & { created_at: string; disabled: boolean }>(
      'SELECT username, role, created_at, disabled FROM users ORDER BY username')).rows;
  }

  async countUsers(): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0].n;
  }

  /** Creates a user; returns false if the name is taken. */
  async createUser(username: string, hash: string, role: Role): Promise<boolean> {
    const { rows } = await this.db.query('INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING username', [username, hash, role]);
    return rows.length === 1;
  }

  async updateUser(username: string, patch: { role?: Role; hash?: string; disabled?: boolean }): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE users SET role = coalesce($2, role), password_hash = coalesce($3, password_hash), disabled = coalesce($4, disabled)
       WHERE username = $1 RETURNING username`, [username, patch.role ?? null, patch.hash ?? null, patch.disabled ?? null]);
    if (patch.disabled || patch.hash) await this.db.query('DELETE FROM sessions WHERE username = $1', [username]);
    return rows.length === 1;
  }

  async createSession(idHash: string, username: string, csrf: string, ttlHours: number): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (id_hash, username, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [idHash, username, csrf, ttlHours]);
  }

  /** The live session's user and CSRF token, or null when unknown or expired. */
  async findSession(idHash: string): Promise<(User & { csrf_token: string }) | null> {
    const { rows } = await this.db.query<User & { csrf_token: string }>(
      `SELECT u.username, u.role, s.csrf_token FROM sessions s JOIN users u ON u.username = s.username
       WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled`, [idHash]);
    return rows[0] ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1 OR expires_at < now()', [idHash]);
  }

  /** Records a write with its user. */
  async audit(username: string, action: string, target: string | null, details: unknown = {}): Promise<void> {
    await this.db.query('INSERT INTO audit_log (username, action, target, details) VALUES ($1, $2, $3, $4)', [username, action, target, JSON.stringify(details)]);
  }
}
