import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the program node was started with, so a simulator file can be both a
 * library (the hall's simulated kit imports it) and a command. When the hall is bundled into one file every module
 * shares the bundle's URL, this one included: a URL equal to our own means "bundled", and a bundle's own program
 * is the hall, never a simulator.
 */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry || moduleUrl === import.meta.url) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
