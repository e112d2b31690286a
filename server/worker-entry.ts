import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the module `name` that sits beside the module `from` (its import.meta.url) as a worker thread. Compiled
 * (the bundle `npm start` runs), that is `name.js` beside the bundle; from the TypeScript sources, `name.ts`,
 * through worker-start.mjs, which makes sure TypeScript loads in the worker.
 */
export function startWorker(from: string, name: string, workerData: Record<string, unknown> = {}): Worker {
  if (extname(fileURLToPath(from)) === '.js') return new Worker(new URL(`./${name}.js`, from), { workerData });
  const entry = new URL(`./${name}.ts`, from).href;
  return new Worker(new URL('./worker-start.mjs', import.meta.url), { workerData: { ...workerData, entry } });
}
