// The GDAL worker thread: gdal3.js (GDAL compiled to WebAssembly) initialised once, then one job at a time.
// Plain JavaScript because a worker thread starts without the TypeScript loader the server runs under
// (tsx in production, vite-node in the tests). Policy lives in gdal.ts; this file only moves bytes in and
// out of GDAL's in-memory file system and runs GDAL's own ogrinfo / ogr2ogr on them.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const initGdalJs = require('gdal3.js/node.js');

// gdal3.js reads its .data package relative to the working directory ("./" + path), so it is given the
// package folder relative to the cwd: found through Node's resolver, it works offline from any checkout.
const packageDir = path.dirname(require.resolve('gdal3.js/dist/package/gdal3WebAssembly.wasm'));

// The memory limit: WebAssembly memory is outside the worker's resourceLimits (which bound the JavaScript
// heap only), so growth past `wasmMb` is refused here. Emscripten's allocator then fails, GDAL reports
// "out of memory" and aborts, the job fails as 'memory', and gdal.ts replaces this worker.
const capBytes = (workerData?.wasmMb ?? 1536) * 1024 * 1024;
const grow = WebAssembly.Memory.prototype.grow;
/** Set when a growth was refused during the running job: GDAL then fails with std::bad_alloc (a bare number). */
let refused = false;
WebAssembly.Memory.prototype.grow = function capped(pages) {
  if (this.buffer.byteLength + pages * 65536 > capBytes) {
    refused = true;
    throw new RangeError(`out of memory: WebAssembly memory would pass ${capBytes} bytes`);
  }
  return grow.call(this, pages);
};

/** GDAL's warnings and errors of the running job (gdal3.js reports them through printErr). */
let messages = [];
const Gdal = await initGdalJs({
  path: path.relative(process.cwd(), packageDir) || '.',
  logHandler: () => {},
  errorHandler: (m) => {
    if (messages.length < 200) messages.push(String(m));
  },
  // No network, no thread pool inside the worker; every open is read-only unless it is an output.
  env: { GDAL_HTTP_TIMEOUT: '1', CPL_VSIL_CURL_ALLOWED_EXTENSIONS: '.none', GDAL_NUM_THREADS: '1', ...(workerData?.env ?? {}) },
});
const FS = Gdal.Module.FS;

// gdal3.js's WebAssembly memory starts at 512 MB and cannot be smaller; a cap below that (a test's, or a
// small machine's) is enforced by reserving the difference once, so that GDAL's own allocations can total
// at most the cap before a growth is needed — and refused.
const startBytes = Gdal.Module.HEAP8.length;
if (capBytes < startBytes && !Gdal.Module._malloc(startBytes - capBytes)) throw new Error('could not reserve the memory above the cap');

const mkdirs = (p) => {
  let at = '';
  for (const part of p.split('/').filter(Boolean)) {
    at += `/${part}`;
    try {
      FS.mkdir(at);
    } catch {
      // exists
    }
  }
};
const rmTree = (p) => {
  let st;
  try {
    st = FS.stat(p);
  } catch {
    return;
  }
  if (FS.isDir(st.mode)) {
    for (const n of FS.readdir(p)) if (n !== '.' && n !== '..') rmTree(`${p}/${n}`);
    FS.rmdir(p);
  } else FS.unlink(p);
};
const listTree = (root, rel = '') => {
  const out = [];
  for (const n of FS.readdir(`${root}${rel}`)) {
    if (n === '.' || n === '..') continue;
    const r = `${rel}/${n}`;
    if (FS.isDir(FS.stat(`${root}${r}`).mode)) out.push(...listTree(root, r));
    else out.push(r.slice(1));
  }
  return out;
};
const gdalError = (e) => {
  if (Array.isArray(e)) return e.map((x) => x?.message).filter(Boolean).join('; ');
  return e?.message ?? String(e);
};

/**
 * One job: write `files` under /input/<id>/, run each step (ogrinfo of a source, or ogr2ogr of a source
 * into /output/<id>/<out>), return the infos and every output file, and leave nothing behind.
 */
async function run(job) {
  const inDir = `/input/${job.id}`;
  const outDir = `/output/${job.id}`;
  mkdirs(inDir);
  mkdirs(outDir);
  messages = [];
  const opened = [];
  try {
    for (const f of job.files) {
      const p = `${inDir}/${f.path}`;
      mkdirs(path.posix.dirname(p));
      FS.writeFile(p, f.data);
    }
    const results = [];
    for (const step of job.steps) {
      const src = `${inDir}/${step.src}`;
      let ds;
      try {
        const r = await Gdal.open(src, step.openOptions ?? []);
        ds = r.datasets[0];
        if (!ds) throw new Error(gdalError(r.errors) || 'GDAL could not open it');
      } catch (e) {
        return { ok: false, kind: 'open', error: gdalError(e) || messages.join(' ') || 'GDAL could not open it', messages };
      }
      opened.push(ds);
      if (step.op === 'info') {
        results.push({ info: ds.info ?? (await Gdal.getInfo(ds)) });
      } else {
        mkdirs(path.posix.dirname(`${outDir}/${step.out}`));
        try {
          await Gdal.ogr2ogr(ds, step.args, `${job.id}/${step.out}`);
        } catch (e) {
          return { ok: false, kind: 'translate', error: gdalError(e) || messages.join(' '), messages };
        }
        results.push({});
      }
    }
    const outputs = listTree(outDir).map((p) => ({ path: p, data: FS.readFile(`${outDir}/${p}`) }));
    return { ok: true, results, outputs, messages };
  } finally {
    for (const ds of opened) await Gdal.close(ds);
    rmTree(inDir);
    rmTree(outDir);
  }
}

// gdal3.js rejects some promises of its own, not the one it returned, when GDAL throws (std::bad_alloc after
// a refused growth arrives as a bare number): without this the worker would die as a 'crash' with no word
// of the memory cap. The job is answered, and gdal.ts replaces this worker (after 'memory' or 'crash').
process.on('unhandledRejection', (reason) => {
  const oom = refused || /out of memory|OOM|Cannot enlarge memory/i.test(`${gdalError(reason)} ${messages.join(' ')}`);
  parentPort.postMessage({ ok: false, kind: oom ? 'memory' : 'crash', error: gdalError(reason), messages, heapBytes: Gdal.Module.HEAP8.length });
});

parentPort.on('message', async (job) => {
  let answer;
  refused = false;
  try {
    answer = await run(job);
    if (!answer.ok && refused) answer.kind = 'memory';
  } catch (e) {
    const oom = refused || /out of memory|OOM|Cannot enlarge memory/i.test(`${gdalError(e)} ${messages.join(' ')}`);
    answer = { ok: false, kind: oom ? 'memory' : 'crash', error: gdalError(e), messages };
  }
  // WebAssembly memory grows and never shrinks: past the cap this worker asks to be replaced.
  answer.heapBytes = Gdal.Module.HEAP8.length;
  parentPort.postMessage(answer, (answer.outputs ?? []).map((o) => o.data.buffer));
});
parentPort.postMessage({ ready: true, version: Gdal.drivers ? 'gdal3.js' : 'unknown' });
