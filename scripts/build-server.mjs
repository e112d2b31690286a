// Builds the hall server into one file, build/server/main.js, which `npm start` runs, and beside it the modules of
// the statistics and forecast threads (stats-worker.js, forecast-worker.js), which the server starts from its own
// location as workers.
//
// Why a bundle: a cold start of the TypeScript sources spends most of its second resolving and loading several
// hundred module files (ours and the dependencies'); one file loads in a fraction of that, so the hall is back
// within half a second of a crash or a power cut. The bundle sits two folders deep, like server/main.ts, so the
// paths the server finds from its own location (sql/, dist/) hold for both.
//
// Left outside the bundle: native addons (better-sqlite3, serialport, nut.js), packages that read files next to
// their own code (espeak-ng's WebAssembly), and exceljs, which reports load on demand. swagger-ui-dist is never
// imported: /docs serves its files from node_modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = join(root, 'build/server/main.js');

export async function buildServer() {
  await build({
    entryPoints: {
      main: join(root, 'server/main.ts'),
      'stats-worker': join(root, 'server/stats/stats-worker.ts'),
      'forecast-worker': join(root, 'server/forecast/forecast-worker.ts'),
    },
    outdir: dirname(serverBundle),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Less to parse at every start; names are kept as they are, so stack traces still read.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    external: ['better-sqlite3', 'serialport', '@serialport/*', '@nut-tree-fork/*', 'espeak-ng', 'exceljs'],
    // Bundled CommonJS dependencies still call require() for Node's own modules.
    banner: { js: "import { createRequire as hallCreateRequire } from 'node:module'; const require = hallCreateRequire(import.meta.url);" },
  });
  return serverBundle;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
