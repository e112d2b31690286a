import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../server/core/events.js';
import type { Ticket } from '../../server/core/types.js';
import { keepTicket } from '../../server/core/state.js';
import type { Connection } from '../../server/realtime/hub.js';
import { PhoneFeed } from '../../server/realtime/phone-feed.js';
import { readTextFrames } from '../support/read-frames.js';
import { evolve } from '../../server/core/evolve.js';
import { at, callNext, decide, issue, newHall, openWindow, staffActor, type Hall } from '../core/hall-fixture.js';

/** A phone's connection as the feed sees it: only ever handed back to `send`. */
const phoneConnection = () => ({}) as Connection;

/** A feed over a hall in memory, recording the visit messages each phone is sent. */
function feedOf(hall: Hall, stored: (visitId: number) => Ticket | null = () => null) {
  const sent = new Map<Connection, any[]>();
  const feed = new PhoneFeed(hall.state, { get: () => new Map() }, 0, () => 1, (conn, frame) => {
    void readTextFrames(frame).then((texts) => sent.set(conn, [...(sent.get(conn) ?? []), ...texts.map((x) => JSON.parse(x).data)]));
  }, stored);
  return { feed, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * The hall may end tickets in ways added after the phone feed was written (a close of the windows after hours,
 * say): the feed follows tickets wherever an event carries them, not the event types it was written for.
 */
describe('the phone feed and tickets the hall ends', () => {
  it('tells a phone its ticket ended by an event of a kind the feed does not know, though the ticket left memory', async () => {
    const hall = newHall();
    const now = at('2026-11-23 16:30');
    openWindow(hall, hall.window.one, now);
    issue(hall, hall.service.pension, now);
    const waiting = issue(hall, hall.service.pension, now);
    const called = callNext(hall, hall.window.one, now);
    const { feed, sent } = feedOf(hall);
    const phones = [phoneConnection(), phoneConnection()];
    feed.add(phones[0], waiting.visitId);
    feed.add(phones[1], called.visitId);
    await settle();
    expect(phones.map((p) => sent.get(p)?.at(-1).ticket.status)).toEqual(['waiting', 'called']);

    // The hall ends both and lets them go, as a day's close does, under a name of its own.
    const ended = [waiting, called].map((t): Ticket => ({ ...t, status: 'cancelled', finishedAt: now + 60_000 }));
    for (const t of ended) hall.state.tickets.delete(t.id);
    feed.onEvent({ type: 'hall.closedAfterHours', tickets: ended } as unknown as DomainEvent);
    feed.lookAgain();
    await settle();
    for (const [i, phone] of phones.entries()) {
      expect(sent.get(phone)!.at(-1)).toMatchObject({ ticket: { id: ended[i].id, status: 'cancelled' }, dayClosed: true });
    }
    feed.close();
  });

  it('hears of a ticket ended in memory by a new kind of event, and of one carried a level down', async () => {
    const hall = newHall();
    const now = at('2026-11-23 16:30');
    openWindow(hall, hall.window.one, now);
    const called = callNext(hall, hall.window.one, issue(hall, hall.service.pension, now).issuedAt);
    const { feed, sent } = feedOf(hall);
    const phone = phoneConnection();
    feed.add(phone, called.visitId);
    await settle();
    const cancelled: Ticket = { ...called, status: 'cancelled', finishedAt: now + 60_000 };
    keepTicket(hall.state, cancelled);
    feed.onEvent({ type: 'window.closedAfterHours', closing: { ticket: cancelled } } as unknown as DomainEvent);
    feed.lookAgain();
    await settle();
    expect(sent.get(phone)!.at(-1)).toMatchObject({ ticket: { status: 'cancelled' }, dayClosed: false });
    feed.close();
  });

  it('shows a phone that comes after the close the leg as stored, looked up once', async () => {
    const hall = newHall();
    const now = at('2026-11-23 16:30');
    const ticket = issue(hall, hall.service.pension, now);
    hall.state.tickets.delete(ticket.id);
    const asks: number[] = [];
    const { feed, sent } = feedOf(hall, (visitId) => {
      asks.push(visitId);
      return { ...ticket, status: 'cancelled' };
    });
    const phone = phoneConnection();
    feed.add(phone, ticket.visitId);
    feed.touchAll();
    await settle();
    expect(sent.get(phone)!.map((v) => [v.ticket.status, v.dayClosed])).toEqual([['cancelled', true], ['cancelled', true]]);
    expect(asks).toEqual([ticket.visitId]);
    feed.close();
  });
});

describe('the phone feed and windows opening', () => {
  it('tells a waiting phone a window opened to call it, though its people ahead and wait stay the same', async () => {
    const hall = newHall();
    const now = at('2026-11-23 09:00');
    const ticket = issue(hall, hall.service.pension, now);
    // A forecast that never moves: only the window's opening can make the phone's view change.
    const sent: any[] = [];
    const forecast = { ticketId: ticket.id, position: 0, etaMinutes: 5 };
    const feed = new PhoneFeed(hall.state, { get: () => new Map([[ticket.id, forecast]]) }, 0, () => 1, (_conn, frame) => {
      void readTextFrames(frame).then((texts) => sent.push(...texts.map((x) => JSON.parse(x).data)));
    }, () => null);
    feed.add(phoneConnection(), ticket.visitId);
    await settle();
    expect(sent.map((v) => v.anyWindowOpen)).toEqual([false]);

    // As the hub hands the feed every event once applied, then a forecast that moved nobody.
    const opened = decide(hall.state, 'setWindowStatus', { windowId: hall.window.two, status: 'open' }, now, staffActor(hall.staffAt.get(hall.window.two)!));
    expect(opened.ok).toBe(true);
    for (const event of opened.ok ? opened.events : []) {
      evolve(hall.state, event);
      feed.onEvent(event);
    }
    feed.forecastChanged(new Float64Array(0));
    await settle();
    expect(sent.map((v) => v.anyWindowOpen)).toEqual([false, true]);
    expect(sent[1].forecast).toEqual(forecast);
    feed.close();
  });
});
