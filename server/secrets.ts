import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from './config.js';

export interface HallSecrets { idHashKey: Buffer; vaultKey: Buffer }

/**
 * Keys come from config; missing ones are generated once and kept in a file readable by the server's user only,
 * beside the database, so a restart can still match people and open the day's vault.
 */
export function loadSecrets(config: Config): HallSecrets {
  const stored: Record<string, string> = existsSync(config.secretsPath) ? JSON.parse(readFileSync(config.secretsPath, 'utf8')) : {};
  let changed = false;
  const pick = (name: 'idHashKey' | 'vaultKey'): Buffer => {
    const given = config.secrets[name] ?? stored[name];
    if (given) return Buffer.from(given, 'hex');
    stored[name] = randomBytes(32).toString('hex');
    changed = true;
    return Buffer.from(stored[name], 'hex');
  };
  const secrets = { idHashKey: pick('idHashKey'), vaultKey: pick('vaultKey') };
  if (changed) {
    mkdirSync(dirname(config.secretsPath), { recursive: true });
    writeFileSync(config.secretsPath, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(config.secretsPath, 0o600);
  }
  return secrets;
}
