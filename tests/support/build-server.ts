import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the server bundle `npm start` runs (build/server/main.js) from the current sources before any test, so
 * the tests that start the hall as its own process start exactly what an installation starts.
 */
export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
}
