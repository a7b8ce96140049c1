import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';

/** `npm run db:seed`: migrate and (re)load seeds/ and geodata/ into the configured database. */
const { db, seed } = await openDatabase(loadConfig());
console.log(JSON.stringify(seed, null, 2));
await db.close();
