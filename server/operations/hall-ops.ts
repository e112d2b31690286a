import { z } from 'zod';
import { openingOf } from '../core/hours.js';
import { isOffered } from '../core/offered.js';
import { hallDay } from '../core/hall-time.js';
import { appointmentDaysAheadOf } from '../core/ratings/settings.js';
import { hallSnapshot } from '../views.js';
import { withoutPersonKeys } from '../store/audit-events.js';
import { defineOperation } from './operation.js';

export const getHallStateOp = defineOperation({
  operationId: 'getHallState', method: 'GET', url: '/api/hall', tag: 'hall',
  summary: 'The whole hall now: windows, waiting tickets, recent calls, forecasts. 大厅实况',
  roles: ['staff', 'kiosk', 'board', 'pad'],
  handle: (ctx) => ({ seq: ctx.runner.lastSeq(), ...hallSnapshot(ctx.runner.state, ctx.runner.clock(), ctx.forecaster.get(), () => true) }),
});

/** What a kiosk or phone shows before taking a ticket: open services and how many wait for each. */
export const getPublicHallOp = defineOperation({
  operationId: 'getPublicHall', method: 'GET', url: '/api/public/hall', tag: 'hall',
  summary: 'Services open now and how many are waiting, which take appointments and how far ahead, for the kiosk and phone page. 可办业务',
  roles: ['public'],
  handle(ctx) {
    const state = ctx.runner.state;
    const now = ctx.runner.clock();
    const waiting = new Map<number, number>();
    for (const t of state.active.values()) if (t.status === 'waiting') waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
    // What the core would refuse is not offered: a service of a deactivated area is as gone as a deactivated service.
    const services = [...state.services.values()].filter((s) => isOffered(state, s)).map((s) => ({
      id: s.id, code: s.code, areaId: s.areaId, name: s.name, prefix: s.prefix, idRequired: s.idRequired, onlineAllowed: s.onlineAllowed,
      waiting: waiting.get(s.id) ?? 0, opening: openingOf(state, s, now), takesAppointments: s.appointmentsPerSlot > 0,
    }));
    const priorityClasses = [...state.priorityClasses.values()].filter((p) => p.active && p.kind === 'declared');
    return {
      name: state.settings.name, notice: state.settings.notice, hallDay: hallDay(now, state.settings.timeZone),
      areas: [...state.areas.values()].filter((a) => a.active), services, priorityClasses, appointmentDaysAhead: appointmentDaysAheadOf(state.settings),
    };
  },
});

export const listEventsOp = defineOperation({
  operationId: 'listEvents', method: 'GET', url: '/api/events', tag: 'hall',
  summary: 'The audit log: every change with who, where and when. 操作日志',
  roles: ['supervisor', 'admin'],
  query: z.object({ afterSeq: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(),
  handle: (ctx, { query }) => ctx.runner.events(query.afterSeq ?? 0, query.limit ?? 200).map((e) => ({ ...e, payload: withoutPersonKeys(e.payload) })),
});

export const hallOperations = [getHallStateOp, getPublicHallOp, listEventsOp];
