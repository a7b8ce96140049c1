import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PostgresDatabase } from '../../server/src/db/database.js';
import { openPglite } from '../../server/src/db/open.js';
import { migrate } from '../../server/src/db/migrate.js';
import { loadSeeds } from '../../server/src/seed/load.js';
import { adminQuery, databaseUrl, postgresAdminUrl, testEngine, type TemplateInfo } from './engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    template: TemplateInfo;
  }
}

/** Migrates and seeds one template database per run; suites clone it (see cloneTemplate). */
export default async function setup(project: TestProject) {
  // globalSetup runs in the main process, where the project's `env` is not applied: read it from the config.
  const engine = testEngine(project.config.env?.ATLAS_TEST_ENGINE as string | undefined);
  const t0 = performance.now();
  let info: TemplateInfo;
  let teardown: () => Promise<void>;
  if (engine === 'pglite') {
    // Cloned from the ready dump when npm install (db:prepare) made one for today's migrations and seeds;
    // migrate and seed as always (then no-ops), so the template is right either way.
    const { db } = await openPglite();
    await migrate(db);
    await loadSeeds(db);
    // Uncompressed (70 MB of tmp instead of 7): every clone then skips inflating it, 0.4–0.9 s per clone
    // on 2 busy cores, and there are dozens of clones per run.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-tpl-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await (await db.dump('none')).arrayBuffer()));
    await db.close();
    info = { engine, template: file };
    teardown = async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  } else {
    const name = `atlas_template_${process.pid}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    const db = PostgresDatabase.connect(databaseUrl(postgresAdminUrl(), name), 2);
    await migrate(db);
    await loadSeeds(db);
    await db.close();
    info = { engine, template: name };
    teardown = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  console.log(`[test] ${engine} template seeded in ${Math.round(performance.now() - t0)} ms`);
  project.provide('template', info);
  return teardown;
}
