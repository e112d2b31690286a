import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../server/core/commands/index.js';
import { evolve } from '../../server/core/evolve.js';
import { isActive } from '../../server/core/state.js';
import type { HallState } from '../../server/core/types.js';
import { at, minutes, newHall, openWindow, staffActor, visitor } from './hall-fixture.js';

/** What the indexes must say, worked out the slow way from every ticket in memory. */
function expectIndexesAgree(state: HallState): void {
  const active = [...state.tickets.values()].filter(isActive);
  expect([...state.active.keys()].sort((a, b) => a - b)).toEqual(active.map((t) => t.id).sort((a, b) => a - b));
  for (const t of state.active.values()) expect(t).toBe(state.tickets.get(t.id));
  const byPerson = new Map<string, number[]>();
  for (const t of active) if (t.person) byPerson.set(t.person.idHash, [...(byPerson.get(t.person.idHash) ?? []), t.id]);
  const indexed = new Map([...state.activeByPerson].map(([k, m]) => [k, [...m.keys()].sort((a, b) => a - b)]));
  expect(indexed).toEqual(new Map([...byPerson].map(([k, ids]) => [k, ids.sort((a, b) => a - b)])));
}

/** A seeded generator, so a failure is the same failure on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('the active-ticket indexes', () => {
  it('agree with the tickets after every command of a busy, random morning', () => {
    const hall = newHall();
    const { state } = hall;
    const windows = [hall.window.one, hall.window.two, hall.window.green];
    let now = at('2026-11-23 09:00');
    for (const w of windows) openWindow(hall, w, now);
    const people = Array.from({ length: 12 }, (_, i) => visitor(`访客${i}`, '19500101', String(100 + i)));
    const random = rng(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    let applied = 0;
    const refused = new Map<string, number>();
    for (let step = 0; step < 600; step++) {
      now += minutes(random() * 2);
      const windowId = pick(windows);
      const actor = staffActor(hall.staffAt.get(windowId)!);
      const current = state.runtime.get(windowId)!.currentTicketId;
      const waiting = [...state.active.values()].filter((t) => t.status === 'waiting');
      const choices: [CommandName, unknown][] = [
        ['issueTicket', { serviceId: pick([hall.service.pension, hall.service.transfer]), channel: 'kiosk', person: random() < 0.7 ? pick(people) : null }],
        ['callNext', { windowId }],
      ];
      if (current !== null) {
        choices.push(['startService', { windowId }], ['finishService', { windowId }], ['markNoShow', { windowId }],
          ['transferTicket', { ticketId: current, serviceId: hall.service.transfer }]);
      }
      if (waiting.length > 0) choices.push(['cancelTicket', { ticketId: pick(waiting).id, reason: 'visitor' }]);
      const [name, args] = pick(choices);
      const decision = (commands[name] as (s: HallState, a: unknown, c: { now: number; actor: typeof actor }) => { ok: boolean; events?: never[] })(state, args, { now, actor });
      if (!decision.ok) { refused.set(name, (refused.get(name) ?? 0) + 1); continue; }
      for (const event of decision.events!) evolve(state, event);
      applied++;
      expectIndexesAgree(state);
    }
    // The morning did happen: most commands were accepted, and the one-ticket rule was met along the way.
    expect(applied, JSON.stringify([...refused])).toBeGreaterThan(200);
    expect(state.tickets.size).toBeGreaterThan(50);
  });
});
