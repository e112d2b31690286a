import { accessKinds, type AccessAction, type AccessEntry, type AccessKind, type AuditPage } from '../../protocol/audit-log.js';
import type { Db } from '../store/database.js';
import { statementCache } from '../store/statement-cache.js';
import { truncateWal, withSecureDelete } from '../privacy/secure-erase.js';

/** What an operation tells the log; whatever it leaves out is stored as null. */
export type AccessRecord = { action: AccessAction } & Partial<Omit<AccessEntry, 'id' | 'at' | 'action'>>;

export interface AccessSelection {
  start: number;
  end: number;
  kind?: AccessKind;
  /** The staff member, and the number they sign in with, so their own failed sign-ins are found too. */
  staff?: { id: number; number: string | null };
  windowId?: number;
}

/** A guesser held off by the login throttle is logged once a minute per staff number and address, not per guess. */
const throttledEvery = 60_000;

const columns = `id, at, action, staff_id AS staffId, staff_number AS staffNumber, account_id AS accountId, reason,
  device_id AS deviceId, device_name AS deviceName, role, area_id AS areaId, window_id AS windowId, address`;

/**
 * The access log: who signed in and out and from where, failed sign-ins and why, pairing codes, devices paired and
 * revoked. Only the sign-in and device operations write it, a row per thing done, so the queue's own commands
 * never wait for it.
 */
export class AccessLog {
  private readonly sql;
  private readonly throttledLogged = new Map<string, number>();

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  record(entry: AccessRecord, now: number): void {
    this.sql(`INSERT INTO access_log (at, action, staff_id, staff_number, account_id, reason, device_id, device_name, role, area_id, window_id, address)
      VALUES (@at, @action, @staffId, @staffNumber, @accountId, @reason, @deviceId, @deviceName, @role, @areaId, @windowId, @address)`).run({
      at: now, action: entry.action, staffId: entry.staffId ?? null, staffNumber: entry.staffNumber ?? null, accountId: entry.accountId ?? null,
      reason: entry.reason ?? null, deviceId: entry.deviceId ?? null, deviceName: entry.deviceName ?? null, role: entry.role ?? null,
      areaId: entry.areaId ?? null, windowId: entry.windowId ?? null, address: entry.address ?? null,
    });
  }

  /** A sign-in refused by the login throttle before the password was looked at. */
  throttled(staffNumber: string | null, address: string, now: number): void {
    const key = `${staffNumber ?? ''}\n${address}`;
    if ((this.throttledLogged.get(key) ?? -Infinity) > now - throttledEvery) return;
    // Guessers make new keys; the stale ones go before they pile up.
    if (this.throttledLogged.size > 10_000) for (const [k, at] of this.throttledLogged) if (at <= now - throttledEvery) this.throttledLogged.delete(k);
    this.throttledLogged.set(key, now);
    this.record({ action: 'signInFailed', staffNumber, reason: 'throttled', address }, now);
  }

  /**
   * Records that a staff member taken out of service lost their sessions, when they had any that were still live;
   * read before the sessions are ended.
   */
  sessionsEnding(accountId: number, byStaffId: number | null, reason: 'deactivated' | 'deleted', now: number): void {
    const live = this.sql('SELECT COUNT(*) FROM sessions WHERE staff_id = ? AND expires_at > ?').pluck().get(accountId, now) as number;
    if (live > 0) this.record({ action: 'sessionsEnded', accountId, staffId: byStaffId, reason }, now);
  }

  page(s: AccessSelection, before: number | null, limit: number): AuditPage<AccessEntry> {
    const rows = this.read(s, before, limit + 1);
    const entries = rows.slice(0, limit);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
  }

  /** Newest first, from the access_log_at index: the days bound what is read. */
  read(s: AccessSelection, before: number | null, limit: number): AccessEntry[] {
    const where = ['at >= @start', 'at < @end'];
    const params: Record<string, unknown> = { start: s.start, end: s.end, limit };
    if (before !== null) {
      where.push('id < @before');
      params.before = before;
    }
    if (s.kind) {
      const actions = accessKinds[s.kind];
      where.push(`action IN (${actions.map((_, i) => `@a${i}`).join(', ')})`);
      actions.forEach((a, i) => { params[`a${i}`] = a; });
    }
    if (s.staff) {
      where.push('(staff_id = @staffId OR account_id = @staffId OR staff_number = @staffNumber)');
      Object.assign(params, { staffId: s.staff.id, staffNumber: s.staff.number });
    }
    if (s.windowId !== undefined) {
      where.push('window_id = @windowId');
      params.windowId = s.windowId;
    }
    return this.sql(`SELECT ${columns} FROM access_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`).all(params) as AccessEntry[];
  }
}

/**
 * Entries older than the retention period are deleted, with their addresses and the staff numbers typed, by the
 * purge that anonymises old visits; `before` is epoch ms.
 */
export function forgetAccessBefore(db: Db, before: number): number {
  const deleted = withSecureDelete(db, () => db.prepare('DELETE FROM access_log WHERE at < ?').run(before).changes);
  if (deleted > 0) truncateWal(db);
  return deleted;
}
