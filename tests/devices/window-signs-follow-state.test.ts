import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { CommandArgs, CommandName } from '../../server/core/commands/index.js';
import type { DomainEvent } from '../../server/core/events.js';
import { evolve } from '../../server/core/evolve.js';
import type { Actor } from '../../server/core/types.js';
import { windowContent } from '../../server/devices/sign-text.js';
import { WindowSigns, type SignLine } from '../../server/devices/window-signs.js';
import { at, decide, issue, minutes, newHall, staffActor, system, type Hall } from '../core/hall-fixture.js';

/** A line whose signs answer at once; it keeps what each address shows (null: dark) and counts the writes. */
function recordingLine() {
  const showing = new Map<number, string[] | null>();
  const writes: number[] = [];
  const line: SignLine = {
    name: 'recording', addresses: null, language: 'zh', close: async () => undefined,
    bus: {
      show: async (address, lines) => { showing.set(address, [...lines]); writes.push(address); return { ok: true, address, elapsedMs: 0 }; },
      clear: async (address) => { showing.set(address, null); writes.push(address); return { ok: true, address, elapsedMs: 0 }; },
    },
  };
  return { line, showing, writes };
}

/**
 * The pure queue and the signs, wired as the device layer wires them: each command's events are applied, then
 * handed to the signs. After every step each sign must show windowContent() of its window as the state is then,
 * which is what a restart (syncAll) puts up.
 */
function signedHall() {
  const hall = newHall();
  const { line, showing, writes } = recordingLine();
  const signs = new WindowSigns([line], hall.state, pino({ level: 'silent' }));
  signs.syncAll();
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const step = async <N extends CommandName>(name: N, args: CommandArgs<N>, now: number, actor: Actor = system) => {
    const decision = decide(hall.state, name, args, now, actor);
    if (!decision.ok) throw new Error(`${name} was refused: ${decision.code}`);
    for (const event of decision.events) evolve(hall.state, event);
    for (const event of decision.events) signs.onEvent(event);
    await settle();
    return decision.result;
  };
  /** Windows whose sign does not show what their state says, with both texts. */
  const mismatches = () => [...hall.state.windows.values()].flatMap((w) => {
    const expected = windowContent(hall.state, hall.state.runtime.get(w.id)!)?.zh ?? null;
    const shown = showing.get(w.ledAddress!) ?? null;
    return JSON.stringify(shown) === JSON.stringify(expected) ? [] : [`window ${w.number} shows ${JSON.stringify(shown)}, its state says ${JSON.stringify(expected)}`];
  });
  return { hall, signs, showing, writes, step, mismatches, settle };
}

const clerk = (hall: Hall, windowId: number) => staffActor(hall.staffAt.get(windowId)!);

describe('window signs after every kind of event', () => {
  it('show what the window\'s state says after a call, a finish, a no-show, a re-queue, a transfer, a cancel, a pause and the day\'s close', async () => {
    const { hall, showing, step, mismatches, settle } = signedHall();
    await settle();
    const one = hall.window.one;
    const t0 = at('2026-11-23 09:00');
    await step('setWindowStatus', { windowId: one, status: 'open' }, t0, clerk(hall, one));
    const [served, absent, moved, waiting] = [1, 2, 3, 4].map((i) => issue(hall, hall.service.pension, t0 + i));
    const seen: Record<string, string[] | null | undefined> = {};
    const after = async (label: string, work: () => Promise<unknown>) => {
      await work();
      seen[label] = showing.get(1);
      expect(mismatches(), label).toEqual([]);
    };

    await after('call', () => step('callNext', { windowId: one }, t0 + minutes(1), clerk(hall, one)));
    await after('start', () => step('startService', { windowId: one }, t0 + minutes(2)));
    await after('finish', () => step('finishService', { windowId: one }, t0 + minutes(3)));
    await after('call again', () => step('callNext', { windowId: one }, t0 + minutes(4), clerk(hall, one)));
    await after('no-show', () => step('markNoShow', { windowId: one }, t0 + minutes(5)));
    await after('re-queue', () => step('requeueTicket', { ticketId: absent.id }, t0 + minutes(6)));
    await after('third call', () => step('callNext', { windowId: one }, t0 + minutes(7), clerk(hall, one)));
    await after('transfer', () => step('transferTicket', { ticketId: moved.id, serviceId: hall.service.transfer }, t0 + minutes(8), clerk(hall, one)));
    await after('cancel', () => step('cancelTicket', { ticketId: waiting.id }, t0 + minutes(9)));
    await after('pause', () => step('setWindowStatus', { windowId: one, status: 'paused', reason: 'lunch' }, t0 + minutes(10), clerk(hall, one)));
    await after('reopen and call', async () => {
      await step('setWindowStatus', { windowId: one, status: 'open' }, t0 + minutes(11), clerk(hall, one));
      await step('callNext', { windowId: one }, t0 + minutes(12), clerk(hall, one));
    });
    await after('next day', () => step('closeDay', {}, at('2026-11-24 00:01')));

    expect(served.number).toBe('A001');
    expect(seen).toEqual({
      'call': ['A001', '请到1号窗口'],
      'start': ['A001', '请到1号窗口'],
      'finish': ['1号窗口', '欢迎办理'],
      'call again': ['A002', '请到1号窗口'],
      'no-show': ['1号窗口', '欢迎办理'],
      're-queue': ['1号窗口', '欢迎办理'],
      'third call': ['A003', '请到1号窗口'],
      'transfer': ['1号窗口', '欢迎办理'],
      'cancel': ['1号窗口', '欢迎办理'],
      'pause': ['暂停服务', '午休'],
      'reopen and call': ['A002', '请到1号窗口'],
      'next day': null,
    });
  });

  it('writes a sign only when its text changes, except a recall, which is shown again', async () => {
    const { hall, writes, step, settle } = signedHall();
    await settle();
    const one = hall.window.one;
    const t0 = at('2026-11-23 09:00');
    await step('setWindowStatus', { windowId: one, status: 'open' }, t0, clerk(hall, one));
    issue(hall, hall.service.pension, t0);
    await step('callNext', { windowId: one }, t0 + 1, clerk(hall, one));
    writes.length = 0;
    await step('recall', { windowId: one }, t0 + 2);
    expect(writes).toEqual([1]);
    // Serving starts: the sign already shows the number, and rewriting it would make it flicker.
    await step('startService', { windowId: one }, t0 + 3);
    expect(writes).toEqual([1]);
  });

  it('follows an event of a kind added later that carries the runtimes it changed, such as windows closed for the night', async () => {
    const { hall, signs, showing, step, mismatches, settle } = signedHall();
    await settle();
    const t0 = at('2026-11-23 09:00');
    for (const windowId of [hall.window.one, hall.window.two]) await step('setWindowStatus', { windowId, status: 'open' }, t0, clerk(hall, windowId));
    expect([showing.get(1), showing.get(2)]).toEqual([['1号窗口', '欢迎办理'], ['2号窗口', '欢迎办理']]);

    const closed = [hall.window.one, hall.window.two].map((windowId) => ({ ...hall.state.runtime.get(windowId)!, status: 'closed' as const, staffId: null }));
    // Not in DomainEvent today: the signs must not need to know its name, only that it carries runtimes.
    const later = { type: 'windows.closedForTheNight', runtimes: closed } as unknown as DomainEvent;
    for (const runtime of closed) hall.state.runtime.set(runtime.windowId, runtime); // as its evolve() would
    signs.onEvent(later);
    await settle();
    expect([showing.get(1), showing.get(2)]).toEqual([null, null]);
    expect(mismatches()).toEqual([]);
  });
});
