import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../../server/privacy/identity-keys.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { schedulerOf, storedBytes, visitor } from './privacy-fixture.js';

const vaultKey = 'a3'.repeat(32);
const people = [visitor('皇甫嵩云', '19480212', '731'), visitor('尉迟恭敬', '19900909', '842')];

interface VaultRow { visitId: number; hallDay: string; sealed: Buffer }

/**
 * The full identity the window's desktop bridge types is kept for the hall day only, sealed with AES-256-GCM under
 * the key from config; at the day's close it is purged, and not even its ciphertext is left in the file or WAL.
 */
describe('the day\'s sealed identities', () => {
  const clock = new HallClock('2026-03-10 15:00');
  let t: TestHall;
  const rows = (): VaultRow[] => {
    const db = new Database(t.config.databasePath, { readonly: true });
    try {
      return db.prepare('SELECT visit_id AS visitId, hall_day AS hallDay, sealed FROM identity_vault ORDER BY visit_id').all() as VaultRow[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    t = await startHall({ clock, overrides: { secrets: { vaultKey } } });
  });
  afterAll(async () => t.stop());

  it('are stored sealed with the configured key: no clear text in the blob, and a changed byte does not open', async () => {
    const first = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: people[0] } });
    await t.api('POST', '/api/appointments', { body: { serviceId: 2, date: '2026-03-10', slotStart: '15:30', identity: people[1] } });
    clock.jumpTo('2026-03-10 15:31');
    const second = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { identity: people[1] } });
    expect([first.status, second.status]).toEqual([201, 201]);

    const stored = rows();
    expect(stored.map((r) => [r.visitId, r.hallDay])).toEqual([[first.body.ticket.visitId, '2026-03-10'], [second.body.ticket.visitId, '2026-03-10']]);
    const key = Buffer.from(vaultKey, 'hex');
    stored.forEach((row, i) => {
      const person = people[i];
      for (const clear of [person.name, person.idNumber, person.idNumber.slice(6, 14), 'idNumber', '{"']) {
        expect(row.sealed.includes(Buffer.from(clear)), `sealed blob holds ${clear.length} clear characters`).toBe(false);
      }
      expect(unseal(row.sealed, key)).toMatchObject(person);
      const tampered = Buffer.from(row.sealed);
      tampered[tampered.length - 1] ^= 1;
      expect(() => unseal(tampered, key)).toThrow();
      expect(() => unseal(row.sealed, Buffer.alloc(32, 7))).toThrow();
    });
    // Two seals of one identity differ (a fresh IV each time), so equal blobs never reveal equal people.
    expect(stored[0].sealed.subarray(0, 12).equals(stored[1].sealed.subarray(0, 12))).toBe(false);
  });

  it('are purged when the hall day closes, leaving not even the ciphertext in the file or its WAL', async () => {
    const sealed = rows().map((r) => r.sealed);
    expect(sealed).toHaveLength(2);
    const scheduler = schedulerOf(t);
    clock.jumpTo('2026-03-10 23:59');
    scheduler.tick();
    expect(rows()).toHaveLength(2);

    clock.jumpTo('2026-03-11 00:01');
    scheduler.tick();
    expect(rows()).toEqual([]);
    for (const { file, bytes } of storedBytes(t.config.databasePath)) {
      for (const blob of sealed) expect(bytes.includes(blob.subarray(28)), `ciphertext left in ${file}`).toBe(false);
    }
  });
});
