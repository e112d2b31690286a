import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { takeDatabaseAlone } from '../store/exclusive-use.js';
import type { InstanceLock } from '../store/instance-lock.js';
import { syncPath } from './backup-files.js';

/** A refused restore: a stable code and what to do, in Chinese and English; the database is left as it was. */
export class RestoreError extends Error {
  constructor(readonly code: 'BACKUP_MISSING' | 'BACKUP_DAMAGED' | 'NOT_A_HALL_DATABASE' | 'DATABASE_IN_USE', readonly zh: string, readonly en: string) {
    super(`${code}: ${en}`);
  }
}

/**
 * `lastNumbers`: per number series (prefix), the last number given on the backup's last hall day. A restore gives
 * out again the numbers after these: if that day is today, some of them may already be in visitors' hands.
 */
export interface BackupSummary { lastSeq: number; tickets: number; lastHallDay: string | null; lastNumbers: string[] }
export interface RestoreReport extends BackupSummary { restored: string; previousKeptAs: string | null }

/** Opens the backup read-only and checks every page (PRAGMA integrity_check) and that it is a hall's database. */
export function verifyBackup(file: string): BackupSummary {
  if (!existsSync(file)) throw new RestoreError('BACKUP_MISSING', `备份文件不存在：${file}`, `No such backup file: ${file}`);
  let db: Database.Database | null = null;
  const absentSides = ['-wal', '-shm'].filter((side) => !existsSync(file + side));
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0].integrity_check !== 'ok') {
      throw new RestoreError('BACKUP_DAMAGED', `备份文件已损坏（完整性检查未通过），未恢复：${problems[0]?.integrity_check ?? ''}`,
        `The backup is damaged (integrity check failed); nothing was restored: ${problems[0]?.integrity_check ?? ''}`);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!['events', 'tickets', 'schema_migrations'].every((t) => tables.has(t))) {
      throw new RestoreError('NOT_A_HALL_DATABASE', '该文件不是本系统的数据库备份，未恢复', 'That file is not a backup of a hall database; nothing was restored');
    }
    const lastHallDay = db.prepare('SELECT MAX(hall_day) FROM tickets').pluck().get() as string | null;
    return {
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get() as number,
      tickets: db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number,
      lastHallDay,
      lastNumbers: lastHallDay === null ? [] : lastNumbersOf(db, lastHallDay),
    };
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    throw new RestoreError('BACKUP_DAMAGED', `备份文件无法读取，未恢复：${(err as Error).message}`, `The backup cannot be read; nothing was restored: ${(err as Error).message}`);
  } finally {
    db?.close();
    // A backup still in WAL mode (taken before backups left it) gets its side files from a read-only look; they
    // are empty, as nothing wrote to it, and a backup folder should hold backups only.
    for (const side of absentSides) rmSync(file + side, { force: true });
  }
}

/** The highest number of each series on that day; transfer legs keep their visit's number and are left out. */
function lastNumbersOf(db: Database.Database, hallDay: string): string[] {
  const rows = db.prepare(`SELECT number, MAX(seq_no) AS seqNo FROM tickets WHERE hall_day = ? AND channel <> 'transfer'
    GROUP BY service_id`).all(hallDay) as { number: string; seqNo: number }[];
  const bySeries = new Map<string, { number: string; seqNo: number }>();
  for (const row of rows) {
    const series = row.number.replace(/\d+$/, '');
    if ((bySeries.get(series)?.seqNo ?? 0) < row.seqNo) bySeries.set(series, row);
  }
  return [...bySeries.values()].map((r) => r.number).sort();
}

/**
 * Puts a verified backup in the database's place. The hall server must be stopped: the hall's lock and leaving WAL
 * mode (which needs the only connection to the file) tell a running server (or any other program holding it), and
 * the restore is refused. The lock is held until the backup is in place, so no hall starts on the file meanwhile.
 * The current database is kept beside it as `<db>.before-restore-<time>`; its WAL is folded in first, so no
 * write-ahead log of the old database can ever be replayed onto the restored one.
 */
export function restoreDatabase(backupFile: string, dbPath: string, now: number = Date.now()): RestoreReport {
  const summary = verifyBackup(backupFile);
  const lock = takeOver(dbPath);
  const incoming = `${dbPath}.restoring`;
  let previousKeptAs: string | null = null;
  try {
    copyFileSync(backupFile, incoming);
    syncPath(incoming);
    if (existsSync(dbPath)) {
      previousKeptAs = `${dbPath}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dbPath, previousKeptAs);
    }
    for (const side of ['-wal', '-shm']) if (existsSync(dbPath + side)) renameSync(dbPath + side, `${previousKeptAs ?? dbPath + '.stale'}${side}`);
    renameSync(incoming, dbPath);
    syncPath(dirname(dbPath));
  } catch (err) {
    rmSync(incoming, { force: true });
    throw err;
  } finally {
    lock.release();
  }
  return { ...summary, restored: dbPath, previousKeptAs };
}

/** The database alone, or a refusal: a running hall would overwrite what is restored under it. */
function takeOver(dbPath: string): InstanceLock {
  const lock = takeDatabaseAlone(dbPath);
  if (!lock) {
    throw new RestoreError('DATABASE_IN_USE', `数据库正在被使用（大厅服务仍在运行？）。请先停止服务再恢复：${dbPath}`,
      `The database is in use (is the hall server still running?). Stop it first, then restore: ${dbPath}`);
  }
  return lock;
}
