import { Worker } from 'node:worker_threads';
import crypto from 'node:crypto';

/** A file handed to GDAL or made by it, by its path relative to the job's folder. */
export interface GdalFile {
  path: string;
  data: Uint8Array;
}

/** ogrinfo of a source (GDAL's JSON as gdal3.js gives it), or ogr2ogr of a source into `out` (without extension). */
export type GdalStep =
  | { op: 'info'; src: string; openOptions?: string[] }
  | { op: 'translate'; src: string; openOptions?: string[]; args: string[]; out: string };

/** What ogrinfo says of a vector dataset, as far as the importer reads it. */
export interface GdalInfo {
  driverShortName?: string;
  layers?: Array<{
    name: string;
    featureCount?: number;
    metadata?: Record<string, Record<string, string>>;
    geometryFields?: Array<{ type?: string; coordinateSystem?: { wkt?: string; projjson?: ProjJson } | null }>;
    fields?: Array<{ name: string; type: string }>;
  }>;
}

/** The parts of a PROJJSON CRS that the importer looks at. */
export interface ProjJson {
  type?: string;
  name?: string;
  id?: { authority: string; code: number | string };
  base_crs?: { name?: string; id?: { authority: string; code: number | string }; datum?: { name?: string; ellipsoid?: { semi_major_axis?: number; inverse_flattening?: number } }; datum_ensemble?: { name?: string; ellipsoid?: { semi_major_axis?: number; inverse_flattening?: number } } };
  datum?: { name?: string; ellipsoid?: { semi_major_axis?: number; inverse_flattening?: number } };
  datum_ensemble?: { name?: string; ellipsoid?: { semi_major_axis?: number; inverse_flattening?: number } };
  conversion?: { method?: { name?: string }; parameters?: Array<{ name: string; value: number; unit?: unknown }> };
  coordinate_system?: { axis?: Array<{ unit?: unknown }> };
}

export interface GdalResult {
  /** One entry per step: the info of an 'info' step, {} for a 'translate' step. */
  results: Array<{ info?: GdalInfo }>;
  /** Every file the translate steps wrote, by path relative to the job's output folder. */
  outputs: GdalFile[];
  /** GDAL's warnings and non-fatal errors during the job. */
  messages: string[];
}

/**
 * Why a GDAL job failed: `open` (GDAL read no dataset: not a format it knows, or a damaged file),
 * `translate` (GDAL opened it but could not convert it), `timeout`, `memory` (the worker's heap limit or
 * WebAssembly's address space ran out) or `crash` (the worker died). After the last three the worker has
 * been replaced.
 */
export class GdalError extends Error {
  constructor(readonly kind: 'open' | 'translate' | 'timeout' | 'memory' | 'crash', message: string, readonly messages: string[] = []) {
    super(message);
  }
}

export interface GdalLimits {
  /** Wall-clock time one job may take before its worker is terminated. */
  timeoutMs: number;
  /** resourceLimits.maxOldGenerationSizeMb of the worker (the JavaScript heap: GDAL's in-memory files are outside it). */
  heapMb: number;
  /** WebAssembly memory a job may grow GDAL's heap to (it starts at 512 MB); past it the job fails as 'memory'. */
  wasmMb: number;
  /** WebAssembly memory past which a worker is replaced after its job (it grows and never shrinks). */
  wasmRecycleMb: number;
}

export const GDAL_LIMITS: GdalLimits = {
  timeoutMs: Number(process.env.ATLAS_GDAL_TIMEOUT_MS ?? 60_000),
  heapMb: Number(process.env.ATLAS_GDAL_HEAP_MB ?? 1024),
  wasmMb: Number(process.env.ATLAS_GDAL_WASM_MB ?? 1536),
  wasmRecycleMb: Number(process.env.ATLAS_GDAL_WASM_RECYCLE_MB ?? 1536),
};

interface Pending {
  job: { id: string; files: GdalFile[]; steps: GdalStep[] };
  resolve: (r: GdalResult) => void;
  reject: (e: Error) => void;
  timeoutMs: number;
}

const workerUrl = new URL('./gdal-worker.mjs', import.meta.url);

/**
 * One GDAL worker thread, started on first use and reused: GDAL is initialised once per worker (about a
 * second), and jobs run one at a time off the request thread. A job past its time limit, a worker out of
 * memory or one that dies rejects with a GdalError, and the next job gets a fresh worker.
 */
export class GdalRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly queue: Pending[] = [];
  private busy = false;
  /** Workers started so far (1 + the number of recycles): tests read it. */
  started = 0;

  constructor(readonly limits: GdalLimits = GDAL_LIMITS) {}

  /** Runs a job; `timeoutMs` overrides the runner's limit for this job. */
  run(files: GdalFile[], steps: GdalStep[], opts: { timeoutMs?: number } = {}): Promise<GdalResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: crypto.randomBytes(6).toString('hex'), files, steps }, resolve, reject, timeoutMs: opts.timeoutMs ?? this.limits.timeoutMs });
      void this.next();
    });
  }

  /** Starts the worker now (the server does so at start-up so that the first import does not wait). */
  warm(): Promise<void> {
    return this.start().catch(() => undefined);
  }

  /** Terminates the worker (jobs queued later start a new one). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    this.started++;
    const w = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb }, workerData: { wasmMb: this.limits.wasmMb } });
    w.unref();
    this.worker = w;
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        this.drop(w);
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      w.once('message', () => resolve());
      w.once('error', fail);
      w.once('exit', (code) => fail(new Error(`the GDAL worker exited (code ${code}) while starting`)));
    });
    return this.ready;
  }

  private drop(w: Worker): void {
    if (this.worker !== w) return;
    this.worker = null;
    this.ready = null;
    void w.terminate();
  }

  private async next(): Promise<void> {
    if (this.busy) return;
    const p = this.queue.shift();
    if (!p) return;
    this.busy = true;
    try {
      p.resolve(await this.once(p));
    } catch (e) {
      p.reject(e as Error);
    } finally {
      this.busy = false;
      void this.next();
    }
  }

  private async once(p: Pending): Promise<GdalResult> {
    try {
      await this.start();
    } catch (e) {
      throw new GdalError('crash', `GDAL could not start: ${(e as Error).message}`);
    }
    const w = this.worker!;
    return new Promise<GdalResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        this.drop(w);
        reject(new GdalError('timeout', `the conversion took longer than ${Math.round(p.timeoutMs / 100) / 10} s`));
      }, p.timeoutMs);
      const onMessage = (m: { ok: boolean; kind?: GdalError['kind']; error?: string; results?: GdalResult['results']; outputs?: GdalFile[]; messages: string[]; heapBytes: number }) => {
        done();
        if (m.heapBytes > this.limits.wasmRecycleMb * 1024 * 1024) this.drop(w);
        if (!m.ok) {
          const oom = m.kind === 'memory' || /out of memory|Cannot enlarge memory|OOM/i.test(`${m.error ?? ''} ${m.messages.join(' ')}`);
          // After an abort or a failed allocation GDAL's state is not to be trusted: a fresh worker next time.
          if (oom || m.kind === 'crash') this.drop(w);
          reject(oom ? new GdalError('memory', `the conversion needed more than ${this.limits.wasmMb} MB of memory`, m.messages) : new GdalError(m.kind ?? 'crash', m.error || 'GDAL failed', m.messages));
          return;
        }
        resolve({ results: m.results!, outputs: m.outputs!, messages: m.messages });
      };
      const onError = (e: Error & { code?: string }) => {
        done();
        this.drop(w);
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(e.message);
        reject(new GdalError(oom ? 'memory' : 'crash', oom ? `the conversion needed more than ${this.limits.heapMb} MB of memory` : `GDAL crashed: ${e.message}`));
      };
      const onExit = (code: number) => {
        done();
        this.drop(w);
        reject(new GdalError('crash', `the GDAL worker exited (code ${code})`));
      };
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage(p.job);
    });
  }
}

let shared: GdalRunner | null = null;

/** The process's GDAL runner (one worker for every import and export). */
export function gdal(): GdalRunner {
  shared ??= new GdalRunner();
  return shared;
}
