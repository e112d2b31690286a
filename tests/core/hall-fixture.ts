import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { HallSettings } from '../../protocol/config-entities.js';
import { commands, type CommandArgs, type CommandContext, type CommandName, type CommandResult, type Decision } from '../../server/core/commands/index.js';
import type { IssueArgs } from '../../server/core/commands/issue.js';
import type { DomainError } from '../../server/core/errors.js';
import { evolve } from '../../server/core/evolve.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { birthDateFromId, idCheckChar, maskIdNumber, maskName } from '../../server/core/identity.js';
import { emptyState } from '../../server/core/state.js';
import type { Actor, HallState, Person, Ticket } from '../../server/core/types.js';

/**
 * A hall built by the real config commands, and helpers that make a test read like a day in the hall:
 * `run(state, 'callNext', { windowId }, at('2026-11-23 09:05'))`. 2026-11-23 is a Monday.
 */
export const hallTimeZone = 'Asia/Shanghai';
export const system: Actor = { kind: 'system' };

/** 'YYYY-MM-DD HH:MM[:SS]' on the hall's wall clock, as epoch milliseconds. */
export function at(wall: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new Error(`hall time must read 'YYYY-MM-DD HH:MM[:SS]', got '${wall}'`);
  return hallTimeToEpoch(m[1], m[2], hallTimeZone) + Number(m[3] ?? 0) * 1000;
}

export const minutes = (n: number) => n * 60_000;

export function staffActor(staffId: number): Actor {
  return { kind: 'staff', staffId, role: 'staff' };
}

type AnyHandler = (state: HallState, args: unknown, ctx: CommandContext) => Decision<unknown>;

/** The pure decision alone: nothing is applied. */
export function decide<N extends CommandName>(state: HallState, name: N, args: CommandArgs<N>, now: number, actor: Actor = system): Decision<CommandResult<N>> {
  return (commands[name] as AnyHandler)(state, args, { now, actor }) as Decision<CommandResult<N>>;
}

/** Decides a command that must be accepted, applies its events as the runner would after commit, returns its result. */
export function run<N extends CommandName>(state: HallState, name: N, args: CommandArgs<N>, now: number, actor: Actor = system): CommandResult<N> {
  const decision = decide(state, name, args, now, actor);
  if (!decision.ok) throw new Error(`${name} was refused: ${decision.code} (${decision.message.en})`);
  for (const event of decision.events) evolve(state, event);
  return decision.result;
}

/** Decides a command that must be refused: it returns the error, no events, and leaves the state as it was. */
export function refuse<N extends CommandName>(state: HallState, name: N, args: CommandArgs<N>, now: number, actor: Actor = system): DomainError {
  const before = structuredClone(state);
  const decision = decide(state, name, args, now, actor);
  if (decision.ok) throw new Error(`${name} was accepted with ${decision.events.length} event(s), expected a refusal`);
  expect(decision).not.toHaveProperty('events');
  expect(state).toEqual(before);
  return decision;
}

export function hallSettings(overrides: Partial<HallSettings> = {}): HallSettings {
  return {
    name: { zh: '市政务服务中心', en: 'City Government Service Centre' },
    timeZone: hallTimeZone,
    // Weekdays with a lunch break: 09:00-12:00 and 13:30-17:00.
    hours: { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] },
    priorityRule: { mode: 'strict' },
    requeueOffset: 3,
    maxRequeues: 2,
    yellowWaitMinutes: 15,
    redWaitMinutes: 30,
    onePerPersonPerService: true,
    notice: { zh: '请保管好您的号票', en: 'Please keep your ticket' },
    ...overrides,
  };
}

export type ServiceInput = CommandArgs<'saveService'>;

export function serviceInput(areaId: number, code: string, prefix: string, zh: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    code, areaId, prefix, name: { zh, en: code }, hours: null, dailyQuota: null, slotQuotas: [], defaultHandlingMinutes: 5,
    idRequired: false, onlineAllowed: true, appointmentSlotMinutes: 30, appointmentsPerSlot: 2, active: true, ...overrides,
  };
}

export interface Hall {
  state: HallState;
  area: { social: number; property: number; general: number };
  /** A 社保参保 (5 min), B 社保转移 (10 min), C 不动产登记 (ID required, not online, 20 min). */
  service: { pension: number; transfer: number; property: number };
  /** 1: A main, B backup; 2: B main, A backup; 3: C; 8: green channel (strict) for A and B; 9: comprehensive. */
  window: { one: number; two: number; three: number; green: number; comprehensive: number };
  staff: { admin: number; wang: number; li: number; zhao: number; chen: number; sun: number };
  priority: { elderly: number; disabled: number };
  /** Who works at each window, for opening it. */
  staffAt: Map<number, number>;
}

export function newHall(settings: Partial<HallSettings> = {}): Hall {
  const state = emptyState(hallSettings());
  const now = at('2026-11-22 20:00');
  run(state, 'saveSettings', hallSettings(settings), now);
  const area = (code: string, zh: string) => run(state, 'saveArea', { code, name: { zh, en: code }, active: true }, now).id;
  const social = area('SB', '社保');
  const property = area('BDC', '不动产');
  const general = area('ZH', '综合受理');
  const service = (input: ServiceInput) => run(state, 'saveService', input, now).id;
  const pension = service(serviceInput(social, 'pension', 'A', '社保参保登记'));
  const transfer = service(serviceInput(social, 'transfer', 'B', '社保关系转移', { defaultHandlingMinutes: 10 }));
  const propertyReg = service(serviceInput(property, 'property', 'C', '不动产登记', { defaultHandlingMinutes: 20, idRequired: true, onlineAllowed: false }));
  const window = (number: number, areaId: number, services: { serviceId: number; tier: 1 | 2 }[], extra: { comprehensive?: boolean; priorityRule?: 'hall' | 'strict' } = {}) =>
    run(state, 'saveWindow', {
      number, name: { zh: `${number}号窗口`, en: `Window ${number}` }, areaId, services, comprehensive: extra.comprehensive ?? false,
      priorityRule: extra.priorityRule ?? 'hall', ledAddress: number, active: true,
    }, now).id;
  const one = window(1, social, [{ serviceId: pension, tier: 1 }, { serviceId: transfer, tier: 2 }]);
  const two = window(2, social, [{ serviceId: transfer, tier: 1 }, { serviceId: pension, tier: 2 }]);
  const three = window(3, property, [{ serviceId: propertyReg, tier: 1 }]);
  const green = window(8, social, [{ serviceId: pension, tier: 1 }, { serviceId: transfer, tier: 1 }], { priorityRule: 'strict' });
  const comprehensive = window(9, general, [], { comprehensive: true });
  const staff = (number: string, name: string, role: 'staff' | 'supervisor' | 'admin', supervisorId: number | null) =>
    run(state, 'saveStaff', { number, name, role, supervisorId, active: true }, now).id;
  const admin = staff('S001', '管理员', 'admin', null);
  const wang = staff('S101', '王芳', 'staff', admin);
  const li = staff('S102', '李强', 'staff', admin);
  const zhao = staff('S103', '赵敏', 'staff', admin);
  const chen = staff('S104', '陈静', 'staff', admin);
  const sun = staff('S105', '孙伟', 'staff', admin);
  const cls = (code: string, zh: string, kind: 'age' | 'declared', minAge: number | null) =>
    run(state, 'savePriorityClass', { code, name: { zh, en: code }, kind, minAge, active: true }, now).id;
  const elderly = cls('elderly', '老年人', 'age', 65);
  const disabled = cls('disabled', '残疾人', 'declared', null);
  return {
    state,
    area: { social, property, general },
    service: { pension, transfer, property: propertyReg },
    window: { one, two, three, green, comprehensive },
    staff: { admin, wang, li, zhao, chen, sun },
    priority: { elderly, disabled },
    staffAt: new Map([[one, wang], [two, li], [three, zhao], [green, chen], [comprehensive, sun]]),
  };
}

export function openWindow(hall: Hall, windowId: number, now: number): void {
  run(hall.state, 'setWindowStatus', { windowId, status: 'open' }, now, staffActor(hall.staffAt.get(windowId)!));
}

export function issue(hall: Hall, serviceId: number, now: number, more: Partial<IssueArgs> = {}): Ticket {
  return run(hall.state, 'issueTicket', { serviceId, channel: 'kiosk', person: null, ...more }, now);
}

export function callNext(hall: Hall, windowId: number, now: number): Ticket {
  return run(hall.state, 'callNext', { windowId }, now, staffActor(hall.staffAt.get(windowId)!));
}

/** Calls, starts and finishes the next visitor at a window, taking `handling` ms; returns the ticket as called. */
export function serveNext(hall: Hall, windowId: number, now: number, handling = 0): Ticket {
  const called = callNext(hall, windowId, now);
  run(hall.state, 'startService', { windowId }, now);
  run(hall.state, 'finishService', { windowId }, now + handling);
  return called;
}

/** The numbers a window calls, one after another, each visitor served and finished at once. */
export function callOrder(hall: Hall, windowId: number, count: number, now: number): string[] {
  return Array.from({ length: count }, () => serveNext(hall, windowId, now).number);
}

export function ticketOf(hall: Hall, id: number): Ticket {
  const t = hall.state.tickets.get(id);
  if (!t) throw new Error(`ticket ${id} is not in memory`);
  return t;
}

/** A valid GB 11643 number for a birth date 'YYYYMMDD' (region 110101, Beijing Dongcheng). */
export function idNumberFor(birth: string, serial = '001'): string {
  const first17 = `110101${birth}${serial}`;
  return first17 + idCheckChar(first17);
}

/** A visitor as the kiosk hands them to the domain: keyed hash and masked forms only. */
export function visitor(name: string, birth: string, serial = '001'): Person {
  const idNumber = idNumberFor(birth, serial);
  return {
    idHash: createHash('sha256').update(`test-key:${idNumber}`).digest('base64url'),
    idMasked: maskIdNumber(idNumber),
    nameMasked: maskName(name),
    birthDate: birthDateFromId(idNumber),
  };
}
