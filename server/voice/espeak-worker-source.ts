/**
 * The synthesis thread's code. One run of espeak-ng takes a few hundred milliseconds of solid CPU; on the main
 * thread that would hold up every call on its way to the boards, so it runs in a worker. The code is handed to the
 * worker as a string because the server runs from TypeScript sources (tsx, vitest) and a worker would not get their
 * loader; it imports only the installed package, by the absolute address the main thread resolved.
 *
 * Each job makes a fresh espeak-ng instance (the package runs its command line once per instance), but the
 * WebAssembly is compiled once per worker and reused.
 */
export const espeakWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
let compiled = null;
let espeak = null;

async function synthesize(args) {
  espeak ??= (await import(workerData.moduleUrl)).default;
  compiled ??= await WebAssembly.compile(readFileSync(workerData.wasmPath));
  const instance = await espeak({
    arguments: [...args, '-w', '/out.wav'],
    print: () => {},
    printErr: () => {},
    instantiateWasm: (imports, done) => {
      WebAssembly.instantiate(compiled, imports).then((inst) => done(inst, compiled));
      return {};
    },
  });
  return instance.FS.readFile('/out.wav');
}

parentPort.on('message', (job) => {
  synthesize(job.args).then(
    (wav) => parentPort.postMessage({ id: job.id, wav }, [wav.buffer]),
    (err) => parentPort.postMessage({ id: job.id, error: String(err && err.message || err) }),
  );
});
`;
