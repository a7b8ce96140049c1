import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { loadDemoSites, removeDemoSites } from '../sites/demo-sites.js';

/**
 * `npm run db:seed`: migrate and (re)load seeds/ and geodata/ into the configured database.
 * `-- --demo-sites` also loads the labelled demo inventory (never loaded otherwise); `-- --remove-demo-sites` removes it.
 */
const { db, seed } = await openDatabase(loadConfig());
console.log(JSON.stringify(seed, null, 2));
if (process.argv.includes('--demo-sites')) console.log(JSON.stringify({ demo_sites: await loadDemoSites(db) }));
if (process.argv.includes('--remove-demo-sites')) console.log(JSON.stringify({ demo_sites: await removeDemoSites(db) }));
await db.close();
