// Starts a worker thread's module (workerData.entry) from TypeScript sources. Under tsx the worker takes the
// process's flags and loads .ts by itself. Inside vitest nothing loads TypeScript outside its own transform, so
// the module is refused, and tsx's loader is registered in this thread before trying again, under a fresh URL: a
// refused URL stays refused. Compiled to JavaScript, the server starts its workers' .js files directly and never
// reads this file.
import { workerData } from 'node:worker_threads';

try {
  await import(workerData.entry);
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  await import(`${workerData.entry}?loaded`);
}
