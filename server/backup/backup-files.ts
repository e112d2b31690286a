import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface BackupFile { path: string; name: string; takenAt: number; bytes: number }

/**
 * Backups are named after the database and the moment (UTC, to the millisecond), so names sort in time order and
 * a person can tell at a glance which is which: hall-2026-03-10T02-00-00-000Z.db.
 */
export function backupName(dbPath: string, at: number): string {
  return `${stem(dbPath)}-${new Date(at).toISOString().replace(/[:.]/g, '-')}.db`;
}

/** A backup being written; renamed to its real name only once complete, so a half-written copy never looks like one. */
export const partialSuffix = '.partial';

/** SQLite's files beside a database: a reader of a backup still in WAL mode leaves the first two. */
export const sqliteSides = ['-wal', '-shm', '-journal'];

export function listBackups(dir: string, dbPath: string): BackupFile[] {
  const pattern = backupPattern(dbPath);
  const found: BackupFile[] = [];
  for (const name of namesIn(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    found.push({ path, name, takenAt: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`), bytes: statSync(path).size });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Keeps `keep` backups, the one just taken and the newest others, and removes the rest; returns the removed names.
 * The one just taken is kept whatever its name says: after the machine's clock was set back it sorts early.
 */
export function rotateBackups(dir: string, dbPath: string, keep: number, justTaken: string): string[] {
  const others = listBackups(dir, dbPath).filter((b) => b.name !== justTaken);
  const old = others.slice(0, Math.max(0, others.length - (keep - 1)));
  for (const b of old) for (const suffix of ['', ...sqliteSides]) rmSync(b.path + suffix, { force: true });
  return old.map((b) => b.name);
}

/**
 * Leftovers: a backup cut short by a crash or a full disk (with any side file it had), and side files of backups
 * that are gone (rotation before it removed them too).
 */
export function removeLeftovers(dir: string, dbPath: string): void {
  const names = namesIn(dir);
  const present = new Set(names);
  const pattern = backupPattern(dbPath);
  for (const name of names) {
    const side = sqliteSides.find((s) => name.endsWith(s));
    const main = side ? name.slice(0, -side.length) : name;
    const orphanSide = side !== undefined && pattern.test(main) && !present.has(main);
    if (main.endsWith(partialSuffix) || orphanSide) rmSync(join(dir, name), { force: true });
  }
}

/** A rename is durable only once the directory holding it is synced. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function backupPattern(dbPath: string): RegExp {
  return new RegExp(`^${escape(stem(dbPath))}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.db$`);
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function stem(dbPath: string): string {
  return basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
