import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { AuthService, checkPassword, checkUsername } from '../auth/auth.service.js';

/**
 * `npm run user:add -- <username> <editor|admin>`: creates an account; the password is read from
 * ATLAS_NEW_PASSWORD so it never appears in the shell history or the process list.
 */
const [username, role] = process.argv.slice(2);
if (!username || (role !== 'editor' && role !== 'admin')) {
  console.error('usage: ATLAS_NEW_PASSWORD=… npm run user:add -- <username> <editor|admin>');
  process.exit(2);
}
const { db } = await openDatabase(loadConfig(), () => undefined);
const auth = new AuthService(db);
const ok = await auth.repo.createUser(checkUsername(username), await auth.hash(checkPassword(process.env.ATLAS_NEW_PASSWORD)), role);
await auth.repo.audit('cli', 'user.create', username, { role });
console.log(ok ? `created ${role} "${username}"` : `user "${username}" exists`);
await db.close();
process.exit(ok ? 0 : 1);
