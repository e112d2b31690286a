import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../protocol/queue-entities.js';
import { ServerMessage } from '../../protocol/realtime.js';
import type { Ticket } from '../../server/core/types.js';
import { VisitEncoder } from '../../server/realtime/visit-message.js';
import { callableNow, openCallers } from '../../server/core/dispatch.js';
import { visitSnapshot } from '../../server/views.js';
import { textFrame } from '../../server/realtime/text-frame.js';
import { readTextFrames } from '../support/read-frames.js';
import { at, callNext, hallSettings, issue, newHall, openWindow, run, serviceInput, staffActor, visitor, type Hall } from '../core/hall-fixture.js';

/** What the server sent phones before the view was encoded in parts: the message object, stringified whole. */
const whole = (hall: Hall, leg: Ticket, seq: number, forecast: Forecast | null) =>
  JSON.stringify({ type: 'visit', seq, data: visitSnapshot(hall.state, leg, forecast) });

/** Whether a window open now can call the leg, as the phone feed works it out for each message. */
const open = (hall: Hall, leg: Ticket) => callableNow(openCallers(hall.state), leg);

/** The one message in a frame, as a client reads it. */
async function textOf(frame: Buffer): Promise<string> {
  const texts = await readTextFrames(frame);
  expect(texts).toHaveLength(1);
  return texts[0];
}

const forecasts: (Forecast | null)[] = [
  null,
  { ticketId: 7, position: 0, etaMinutes: null },
  { ticketId: 7, position: 3, etaMinutes: 0 },
  { ticketId: 7, position: 12, etaMinutes: 17.283333333333335 },
  { ticketId: 123456, position: 250, etaMinutes: 1e-7 },
  { ticketId: 7, position: 1, etaMinutes: Number.NaN },
];

describe('a phone\'s visit message written from parts', () => {
  it('is byte for byte the message stringified whole, in one text frame, for every kind of ticket, forecast and window', async () => {
    // A hall name with quotes, backslashes, a line break and characters JSON escapes or leaves alone.
    const hall = newHall({ name: { zh: '市"政务"服务\\中心\n</script>\u2028😀', en: 'City "Service" Centre \\ \t' } });
    const now = at('2026-11-23 09:00');
    openWindow(hall, hall.window.one, now);
    const waiting = issue(hall, hall.service.pension, now, { person: visitor('欧阳"娜娜', '19900101') });
    const quoted = run(hall.state, 'saveService', serviceInput(hall.area.general, 'moving', 'H', '户籍"迁入"\\登记'), now).id;
    const plain = issue(hall, quoted, now);
    const called = callNext(hall, hall.window.one, now + 60_000);
    const transferred = run(hall.state, 'transferTicket', { ticketId: called.id, serviceId: hall.service.transfer }, now + 120_000, staffActor(hall.staffAt.get(hall.window.one)!));
    // A leg the hall's close has let go from memory, as a phone is shown it from the store.
    const letGo: Ticket = { ...waiting, id: 99_999, visitId: 99_999, status: 'cancelled', finishedAt: now + 180_000 };
    const legs = [waiting, plain, called, transferred, hall.state.tickets.get(called.id)!, letGo];
    expect(new Set(legs.map((l) => l.status))).toEqual(new Set(['waiting', 'called', 'transferred', 'cancelled']));
    expect(new Set(legs.map((l) => open(hall, l)))).toEqual(new Set([true, false]));
    expect(JSON.parse(whole(hall, letGo, 1, null)).data.dayClosed).toBe(true);
    expect(whole(hall, plain, 1, null)).toContain('户籍\\"迁入\\"\\\\登记');
    const encoder = new VisitEncoder(hall.state);
    for (const leg of legs) {
      for (const forecast of forecasts) {
        for (const seq of [0, 1, 98765]) {
          const frame = encoder.message(encoder.view(leg, null), seq, forecast, open(hall, leg));
          expect(await textOf(frame)).toBe(whole(hall, leg, seq, forecast));
          expect(frame.equals(textFrame(whole(hall, leg, seq, forecast)))).toBe(true);
        }
      }
    }
    // And it reads back as a valid visit message.
    const parsed = JSON.parse(await textOf(encoder.message(encoder.view(called, null), 5, null, true)));
    expect(ServerMessage.safeParse(parsed).success).toBe(true);
    expect(parsed.data.window).toEqual({ number: 1, name: { zh: '1号窗口', en: 'Window 1' } });
  });

  it('keeps a ticket\'s encoded view until the ticket or the hall\'s settings change', async () => {
    const hall = newHall();
    const now = at('2026-11-23 09:00');
    openWindow(hall, hall.window.one, now);
    const ticket = issue(hall, hall.service.pension, now);
    const encoder = new VisitEncoder(hall.state);
    const view = encoder.view(ticket, null);
    expect(encoder.view(ticket, view)).toBe(view);

    const called = callNext(hall, hall.window.one, now);
    const calledView = encoder.view(called, view);
    expect(calledView).not.toBe(view);
    expect(await textOf(encoder.message(calledView, 2, null, true))).toBe(whole(hall, called, 2, null));

    run(hall.state, 'saveSettings', hallSettings({ name: { zh: '新大厅', en: 'New hall' } }), now);
    expect(await textOf(encoder.message(encoder.view(called, calledView), 3, null, true))).not.toBe(whole(hall, called, 3, null));
    encoder.reset();
    const renamed = encoder.view(called, calledView);
    expect(renamed).not.toBe(calledView);
    expect(await textOf(encoder.message(renamed, 3, null, true))).toBe(whole(hall, called, 3, null));
    expect(JSON.parse(await textOf(encoder.message(renamed, 3, null, true))).data.hall.name.zh).toBe('新大厅');
  });
});
