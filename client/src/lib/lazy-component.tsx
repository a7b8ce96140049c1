import { lazy, Suspense, type ComponentType, type JSX } from 'react';

/** Loaders of every lazy chunk, so they can be fetched ahead of the first click. */
const loaders: Array<() => Promise<unknown>> = [];

/**
 * A module that is its own chunk: the returned function imports it once (again after a failure).
 * Registered for `preloadLazyChunks`. E.g. `const loadPng = lazyModule(() => import('./png-export'))`.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  const once = () =>
    (pending ??= load().catch((err: unknown) => {
      pending = null;
      throw err;
    }));
  loaders.push(once);
  return once;
}

/**
 * A component whose code is its own chunk, fetched the first time it renders (or by
 * `preloadLazyChunks`). It renders nothing while the chunk loads, inside its own Suspense boundary,
 * so the places that use it stay as they were. `load` picks the named export:
 * `const DrawTool = lazyComponent(() => import('../edit/draw-tool').then((m) => m.DrawTool))`.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const once = lazyModule(load);
  const Lazy = lazy(async () => ({ default: await once() })) as unknown as ComponentType<P>;
  return function LazyComponent(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

let preloaded = false;

/**
 * Fetches every lazy chunk while the browser is idle, so panels open at the first click as fast as
 * when they were in the main bundle. Called once the map is ready: the first view comes first.
 */
export function preloadLazyChunks(): void {
  if (preloaded) return;
  preloaded = true;
  const idle = typeof window.requestIdleCallback === 'function' ? (f: () => void) => window.requestIdleCallback(f, { timeout: 3000 }) : (f: () => void) => setTimeout(f, 200);
  idle(() => {
    for (const load of loaders) {
      load().catch(() => {
        // A chunk that fails now is fetched again when it is needed (and its error shows there).
      });
    }
  });
}
