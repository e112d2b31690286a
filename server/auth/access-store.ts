import type { Db } from '../store/database.js';
import { statementCache } from '../store/statement-cache.js';
import type { DeviceRole } from '../../protocol/commands.js';
import type { Appointment } from '../core/types.js';
import { newDigits, newToken, tokenHash } from './tokens.js';

export interface DeviceRecord { id: number; name: string; role: DeviceRole; areaId: number | null; windowId: number | null; revokedAt: number | null }

/** Sessions, device pairing and phone tokens: who may talk to the hall, kept as hashes. */
export class AccessStore {
  private readonly sql;
  /**
   * Paired, unrevoked devices by the token they presented. A kiosk sends its token with every ticket, and hashing
   * it and asking SQLite each time cost more than the rest of the checks together. Only devices that exist and are
   * not revoked are kept (a guessed token never is, so guessing cannot grow this), and revokeDevice drops the
   * device before it returns: every later request of a revoked device is refused. This store is the only writer
   * of the devices table while the hall runs (a restore needs the hall stopped).
   */
  private readonly activeDevices = new Map<string, Readonly<DeviceRecord>>();

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  createSession(staffId: number, now: number, hours: number): string {
    const token = newToken();
    // Expired sessions let nobody in already; they need not linger in the file either.
    this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.sql('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(tokenHash(token), staffId, now, now + hours * 3_600_000);
    return token;
  }

  sessionStaff(token: string, now: number): number | null {
    const row = this.sql('SELECT staff_id, expires_at FROM sessions WHERE token_hash = ?').get(tokenHash(token)) as { staff_id: number; expires_at: number } | undefined;
    return row && row.expires_at > now ? row.staff_id : null;
  }

  endSession(token: string): void {
    this.sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }

  endSessionsOf(staffId: number): void {
    this.sql('DELETE FROM sessions WHERE staff_id = ?').run(staffId);
  }

  /** An 8-digit one-time code an admin reads out or types into the device; valid for ten minutes. */
  createPairingCode(role: DeviceRole, areaId: number | null, windowId: number | null, now: number): { code: string; expiresAt: number } {
    const code = newDigits(8);
    const expiresAt = now + 10 * 60_000;
    this.sql('INSERT INTO pairing_codes (code_hash, role, area_id, window_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(tokenHash(code), role, areaId, windowId, now, expiresAt);
    return { code, expiresAt };
  }

  /** Spends a pairing code: returns the device and its token, or null when the code is unknown, used or expired. */
  pair(code: string, name: string, now: number): { device: DeviceRecord; token: string } | null {
    return this.db.transaction(() => {
      const row = this.sql('SELECT role, area_id, window_id, expires_at, used_at FROM pairing_codes WHERE code_hash = ?')
        .get(tokenHash(code)) as { role: DeviceRole; area_id: number | null; window_id: number | null; expires_at: number; used_at: number | null } | undefined;
      if (!row || row.used_at !== null || row.expires_at <= now) return null;
      this.sql('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?').run(now, tokenHash(code));
      const token = newToken();
      const id = Number(this.sql('INSERT INTO devices (name, role, area_id, window_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(name, row.role, row.area_id, row.window_id, tokenHash(token), now).lastInsertRowid);
      return { device: { id, name, role: row.role, areaId: row.area_id, windowId: row.window_id, revokedAt: null }, token };
    })();
  }

  deviceByToken(token: string): Readonly<DeviceRecord> | null {
    const known = this.activeDevices.get(token);
    if (known) return known;
    const row = this.sql('SELECT id, name, role, area_id AS areaId, window_id AS windowId, revoked_at AS revokedAt FROM devices WHERE token_hash = ?')
      .get(tokenHash(token)) as DeviceRecord | undefined;
    if (!row || row.revokedAt !== null) return null;
    const device = Object.freeze(row);
    this.activeDevices.set(token, device);
    return device;
  }

  listDevices(): DeviceRecord[] {
    return this.sql('SELECT id, name, role, area_id AS areaId, window_id AS windowId, revoked_at AS revokedAt FROM devices ORDER BY id').all() as DeviceRecord[];
  }

  revokeDevice(id: number, now: number): boolean {
    for (const [token, device] of this.activeDevices) if (device.id === id) this.activeDevices.delete(token);
    return this.sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
  }

  /** A new visit gets a token its phone page follows it by. */
  createVisitToken(visitId: number): string {
    const token = newToken();
    this.sql('INSERT INTO visit_tokens (token_hash, visit_id) VALUES (?, ?)').run(tokenHash(token), visitId);
    return token;
  }

  visitByToken(token: string): number | null {
    const id = this.sql('SELECT visit_id FROM visit_tokens WHERE token_hash = ?').pluck().get(tokenHash(token)) as number | undefined;
    return id ?? null;
  }

  /** A new booking gets a token its visitor's phone sees and cancels it by. */
  createAppointmentToken(appointmentId: number): string {
    const token = newToken();
    this.sql('INSERT INTO appointment_tokens (token_hash, appointment_id) VALUES (?, ?)').run(tokenHash(token), appointmentId);
    return token;
  }

  /** The booking behind a token as stored: a booking of a day gone by is no longer in memory, and is still shown. */
  appointmentByToken(token: string): Appointment | null {
    const json = this.sql('SELECT a.json FROM appointment_tokens t JOIN appointments a ON a.id = t.appointment_id WHERE t.token_hash = ?')
      .pluck().get(tokenHash(token)) as string | undefined;
    return json ? JSON.parse(json) as Appointment : null;
  }

  /**
   * The token a checked-in booking's phone follows its ticket by. Made from the booking's own token, so the phone
   * holding the booking gets the same link each time it asks, and no token is ever kept in clear; recorded on the
   * first ask (the kiosk that checked the booking in has its own token for the printed ticket).
   */
  visitTokenOfBooking(appointmentToken: string, visitId: number): string {
    const token = tokenHash(`visit-of-booking:${appointmentToken}`);
    this.sql('INSERT OR IGNORE INTO visit_tokens (token_hash, visit_id) VALUES (?, ?)').run(tokenHash(token), visitId);
    return token;
  }

  setPassword(staffId: number, hash: string): void {
    this.sql('UPDATE staff SET password_hash = ? WHERE id = ?').run(hash, staffId);
  }

  passwordHashOf(staffNumber: string): { id: number; hash: string | null } | null {
    const row = this.sql('SELECT id, password_hash AS hash FROM staff WHERE number = ? AND deleted_at IS NULL').get(staffNumber) as { id: number; hash: string | null } | undefined;
    return row ?? null;
  }
}
