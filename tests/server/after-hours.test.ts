import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDeskEvent, deskFromSnapshot } from '../../caller-pad/src/desk/desk-state.js';
import { applyEvent, fromSnapshot } from '../../display-board/src/state/board-state.js';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { beijing, HallClock, startHall } from './test-hall.js';

const records = 6; // F, window 8
const enquiries = 10; // K, window 11
const day = '2026-03-10'; // a Tuesday

/**
 * A clerk walks away from window 8 with F001 called; window 11 serves on into the evening. Hours 09:00-12:00 and
 * 13:30-17:00. At 18:05 the hall runs its after-hours close (the scheduler's minute command).
 */
describe('a window left open after hours, on the screens', () => {
  const clock = new HallClock(`${day} 16:40`);
  let t: TestHall;
  let board: TestSocket;
  let pad: TestSocket;
  let supervisor: string;

  beforeAll(async () => {
    t = await startHall({ clock });
    const admin = await t.login('admin');
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const hours = { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] };
    expect((await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, hours } })).status).toBe(200);
    const records8 = await t.openWindow('1008', 8);
    const enquiries11 = await t.openWindow('1011', 11);
    for (const serviceId of [records, enquiries, enquiries]) {
      expect((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId } })).status).toBe(201);
    }
    expect((await t.api('POST', '/api/windows/8/call-next', { cookie: records8 })).body.number).toBe('F001');
    clock.jumpTo(`${day} 17:50`);
    for (const step of ['call-next', 'start', 'finish', 'call-next']) {
      expect((await t.api('POST', `/api/windows/11/${step}`, { cookie: enquiries11 })).status).toBe(200);
    }
    board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: records8 });
    await board.next((m) => m.type === 'snapshot');
    await pad.next((m) => m.type === 'snapshot');
    supervisor = await t.login('S01');

    clock.jumpTo(`${day} 18:05`);
    expect(t.hall.ctx.runner.run('closeWindowsAfterHours', {}, { kind: 'system' })).toMatchObject({ ok: true, result: { closed: 1 } });
  });
  afterAll(async () => {
    board?.close();
    pad?.close();
    await t?.stop();
  });

  it('shows window 8 closed on the board and on its pad, and window 11, still serving, open', async () => {
    const closedEvent = (m: any) => m.type === 'event' && m.event.type === 'window.statusChanged' && m.event.window.id === 8;
    await board.next(closedEvent);
    await pad.next(closedEvent);

    let boardView = fromSnapshot(board.messages.find((m) => m.type === 'snapshot').data);
    for (const m of board.messages) if (m.type === 'event') boardView = applyEvent(boardView, m.event);
    expect(boardView.windows.find((w) => w.number === 8)).toMatchObject({ status: 'closed', staffName: null, currentTicket: null });
    expect(boardView.windows.find((w) => w.number === 11)).toMatchObject({ status: 'open', currentTicket: { number: 'K002', status: 'called' } });

    const snapshot = pad.messages.find((m) => m.type === 'snapshot');
    let desk = deskFromSnapshot(snapshot.data, snapshot.seq, 8);
    for (const m of pad.messages) if (m.type === 'event') desk = applyDeskEvent(desk, m.event, m.seq, 8, () => true);
    expect(desk.window).toMatchObject({ status: 'closed', currentTicket: null });
  });

  it('records the window closed at 17:00 and F001 ended as a no-show at its call', () => {
    const db = new Database(t.config.databasePath, { readonly: true });
    try {
      const runtime = JSON.parse(db.prepare('SELECT json FROM window_runtime WHERE window_id = 8').pluck().get() as string);
      expect(runtime).toMatchObject({ status: 'closed', staffId: null, statusSince: beijing(`${day} 17:00`) });
      const f001 = db.prepare("SELECT status, called_at AS calledAt, finished_at AS finishedAt FROM tickets WHERE number = 'F001'").get() as any;
      expect(f001.status).toBe('cancelled');
      expect(f001.finishedAt).toBe(f001.calledAt);
    } finally {
      db.close();
    }
  });

  it('says so in the operations log, in both languages', async () => {
    const csv = await (await fetch(`${t.url}/api/audit/events/export?from=${day}&to=${day}&windowId=8`, { headers: { cookie: supervisor } })).text();
    expect(csv).toContain('大厅下班后关闭了8号窗口，已呼叫未到柜台的 F001 记为过号');
    expect(csv).toContain('The hall closed window 8 after hours; F001, called and never at the counter, recorded as a no-show');
  });
});
