import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerChild {
  proc: ChildProcess;
  url: string;
  /** Forces a GC in the server and returns its memory. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
  /** Everything the server printed. */
  output(): string;
}

/** Starts test/load/server.ts in a child process (tsx, --expose-gc) and waits until it listens. */
export async function startServer(env: Record<string, string | undefined>, timeoutMs = 300_000): Promise<ServerChild> {
  const script = path.join(import.meta.dirname, 'server.ts');
  let out = '';
  const proc = fork(script, [], {
    env: { ...process.env, PORT: '0', ATLAS_WRITE_LIMIT: '1000000', ...env },
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    proc.on('message', (m: { type: string; port: number }) => {
      if (m.type === 'ready') {
        clearTimeout(t);
        resolve(m.port);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    proc,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    memory: () =>
      new Promise((resolve) => {
        const on = (m: { type: string; rss: number; heapUsed: number }) => {
          if (m.type !== 'memory') return;
          proc.off('message', on);
          resolve({ rss: m.rss, heapUsed: m.heapUsed });
        };
        proc.on('message', on);
        proc.send({ type: 'gc' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
