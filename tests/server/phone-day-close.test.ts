import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorsLeftAtClose, type LeftAtClose } from './visitors-at-close.js';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { HallClock, startHall } from './test-hall.js';

/**
 * Phones left open on tickets the hall never finished: at the hall's midnight the close ends them (waiting and
 * called are cancelled, serving is done) and lets them go from memory. Each phone must hear its ticket's end, and a
 * phone opening the link afterwards, even after a restart, must be shown the same end rather than "not found".
 * Window 8 serves 不动产查询 (service 6) first, window 7 as backup.
 */
describe('phones following tickets the day\'s close ends', () => {
  const clock = new HallClock('2026-03-10 17:20');
  const dir = mkdtempSync(join(tmpdir(), 'hall-phone-close-'));
  let t: TestHall;
  let tokens: LeftAtClose;
  const phones: Partial<Record<keyof LeftAtClose, TestSocket>> = {};
  /** What the close leaves each ticket as, and the phone is shown. */
  const ended = { serving: 'done', called: 'cancelled', waiting: 'cancelled' } as const;

  const follow = async (token: string, url = t.wsUrl) => {
    const phone = await TestSocket.open(url, { follow: { scope: 'ticket', ticketToken: token } });
    await phone.next((m) => m.type === 'visit' || m.type === 'error');
    return phone;
  };
  const lastVisit = (phone: TestSocket) => phone.messages.filter((m) => m.type === 'visit').at(-1)?.data;

  beforeAll(async () => {
    t = await startHall({ clock, dir, overrides: { phoneUpdateMs: 200 } });
    tokens = await visitorsLeftAtClose(t);
  });
  afterAll(async () => {
    for (const phone of Object.values(phones)) phone?.close();
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells each open phone how its ticket ended when the hall closes the day at midnight', async () => {
    for (const kind of ['serving', 'called', 'waiting'] as const) {
      phones[kind] = await follow(tokens[kind]);
      expect(lastVisit(phones[kind]!)).toMatchObject({ ticket: { status: kind }, dayClosed: false });
    }

    clock.jumpTo('2026-03-11 00:00');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' })).toMatchObject({ ok: true, result: { ended: 3 } });

    for (const kind of ['serving', 'called', 'waiting'] as const) {
      const told = await phones[kind]!.next((m) => m.type === 'visit' && m.data.dayClosed, 3_000);
      expect(told.data.ticket, kind).toMatchObject({ status: ended[kind], hallDay: '2026-03-10' });
      expect(told.data.forecast).toBeNull();
      // And the phone's page, fetched again, is shown the same.
      const page = await t.api('GET', `/api/visits/${tokens[kind]}`);
      expect(page.status).toBe(200);
      expect({ ...page.body, forecast: null }).toEqual({ ...told.data, forecast: null });
    }
  });

  it('shows the ended ticket to a phone that opens its link after the close', async () => {
    const late = await follow(tokens.called);
    expect(late.messages.find((m) => m.type === 'error')).toBeUndefined();
    expect(lastVisit(late)).toMatchObject({ ticket: { status: 'cancelled', number: 'F002' }, dayClosed: true, window: { number: 7 } });
    late.close();
  });

  it('still shows it after the hall restarts, when nothing of that day is in memory', async () => {
    await t.stop();
    clock.jumpTo('2026-03-11 09:00');
    t = await startHall({ clock, dir, overrides: { phoneUpdateMs: 200 } });
    expect(t.hall.ctx.runner.state.tickets.size).toBe(0);
    for (const kind of ['serving', 'waiting'] as const) {
      const page = await t.api('GET', `/api/visits/${tokens[kind]}`);
      expect(page.body).toMatchObject({ ticket: { status: ended[kind] }, dayClosed: true });
      const phone = await follow(tokens[kind]);
      expect(lastVisit(phone)).toMatchObject({ ticket: { status: ended[kind] }, dayClosed: true });
      phone.close();
    }
    // A link that was never given is still unknown.
    expect((await t.api('GET', `/api/visits/${'x'.repeat(43)}`)).status).toBe(404);
  });
});
