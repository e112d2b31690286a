import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { CommandRunner } from '../command-runner.js';
import type { Config } from '../config.js';
import { defaultSettings } from '../seed/demo-hall.js';
import { openDatabase, type Db } from '../store/database.js';
import { takeDatabaseAlone } from '../store/exclusive-use.js';
import type { InstanceLock } from '../store/instance-lock.js';
import { loadState } from '../store/load-state.js';
import { AccessStore } from './access-store.js';
import { hashPassword } from './passwords.js';

/** A refused recovery: what to do, in Chinese and English; the database is left as it was. */
export class RecoveryError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

export interface RecoveryReport { staffNumber: string; created: boolean; password: string; generated: boolean }

/**
 * Gives an admin back the way in, on the server machine, with the hall stopped: the account with this staff
 * number is made an active admin again (or created, if there is none) with a new password. It goes through the
 * same saveStaff command as the admin screen, so the audit log records it (done by 系统 System). Whoever can run
 * this already holds the database file and its keys; no network path leads here.
 */
export async function recoverAdmin(config: Config, staffNumber: string, now: number = Date.now()): Promise<RecoveryReport> {
  const path = config.databasePath;
  if (!existsSync(path)) throw new RecoveryError(`数据库不存在：${path}`, `No database at ${path}`);
  const lock = refuseWhileInUse(path);
  let db: Db | null = null;
  try {
    const password = config.adminPassword ?? randomBytes(9).toString('base64url');
    const hash = await hashPassword(password);
    db = openDatabase(path);
    const state = loadState(db, now, defaultSettings(config));
    const runner = new CommandRunner(db, state, () => now, pino({ level: 'silent' }));
    const access = new AccessStore(db);
    const existing = [...state.staff.values()].find((s) => s.number === staffNumber);
    const input = existing
      ? { ...existing, role: 'admin' as const, active: true }
      : { number: staffNumber, name: '管理员', role: 'admin' as const, supervisorId: null, active: true };
    const saved = runner.run('saveStaff', input, { kind: 'system' }, (_db, staff) => access.setPassword(staff.id, hash));
    if (!saved.ok) throw new RecoveryError(saved.message.zh, saved.message.en);
    await runner.durable();
    return { staffNumber, created: !existing, password, generated: config.adminPassword === undefined };
  } finally {
    db?.close();
    lock.release();
  }
}

/**
 * A running hall keeps its state in memory and numbers events itself: a second writer would collide with it. The
 * lock returned keeps a hall from starting on the file until the recovery is done.
 */
function refuseWhileInUse(path: string): InstanceLock {
  const lock = takeDatabaseAlone(path);
  if (!lock) {
    throw new RecoveryError(`数据库正在被使用（大厅服务仍在运行？）。请先停止服务：${path}`,
      `The database is in use (is the hall server still running?). Stop it first: ${path}`);
  }
  return lock;
}
