import type { Area, HallSettings, PriorityClass, Service, Staff, Window } from '../../../protocol/config-entities.js';
import { domainError, notFound, thingError, type DomainError } from '../errors.js';

import { feedbackSettingsError } from '../ratings/settings.js';
import { parseEndOfPeriod, parseTimeOfDay } from '../hall-time.js';
import type { Actor, ConfigEntity, HallState } from '../types.js';
import { accept, type Decision, type Handler } from './decision.js';

type Saved<T> = Omit<T, 'id'> & { id?: number };

function idFor(state: HallState, entity: ConfigEntity, item: { id?: number }, map: Map<number, unknown>): number | DomainError {
  if (item.id === undefined) return state.lastId[entity] + 1;
  return map.has(item.id) ? item.id : notFound(entity, item.id);
}

/** What a clashing field is called on the admin screens, in each language (the code `field` stays in details). */
const fieldNames = {
  code: ['code', '编码', 'Code'], prefix: ['prefix', '票号前缀', 'Ticket prefix'], windowNumber: ['number', '窗口号', 'Window number'],
  staffNumber: ['number', '工号', 'Staff number'], appointmentCode: ['code', '预约码', 'Appointment code'],
} as const;
export type UniqueField = keyof typeof fieldNames;

export function duplicate(name: UniqueField, value: unknown): DomainError {
  const [field, fieldZh, fieldEn] = fieldNames[name];
  return domainError('DUPLICATE', { field, fieldZh, fieldEn, value });
}

function unique<T extends { id: number }>(map: Map<number, T>, id: number, field: UniqueField, value: unknown, pick: (t: T) => unknown): DomainError | null {
  for (const other of map.values()) if (other.id !== id && pick(other) === value) return duplicate(field, value);
  return null;
}

function hoursError(hours: Service['hours']): DomainError | null {
  for (const s of hours?.sessions ?? []) {
    if (parseTimeOfDay(s.start) >= parseEndOfPeriod(s.end)) return domainError('INVALID_CONFIG', { reasonZh: `时段 ${s.start}-${s.end} 无效`, reasonEn: `session ${s.start}-${s.end} ends before it starts` });
  }
  return null;
}

export const saveArea: Handler<Saved<Area>, Area> = (state, input) => {
  const id = idFor(state, 'area', input, state.areas);
  if (typeof id !== 'number') return id;
  const dup = unique(state.areas, id, 'code', input.code, (a) => a.code);
  if (dup) return dup;
  const item: Area = { ...input, id };
  return accept([{ type: 'config.saved', entity: 'area', item }], item);
};

export const saveService: Handler<Saved<Service>, Service> = (state, input) => {
  const id = idFor(state, 'service', input, state.services);
  if (typeof id !== 'number') return id;
  if (!state.areas.has(input.areaId)) return thingError('INVALID_REFERENCE', 'area');
  const dup = unique(state.services, id, 'code', input.code, (s) => s.code)
    ?? unique(state.services, id, 'prefix', input.prefix, (s) => s.prefix)
    ?? hoursError(input.hours);
  if (dup) return dup;
  const item: Service = { ...input, id };
  return accept([{ type: 'config.saved', entity: 'service', item }], item);
};

export const saveWindow: Handler<Saved<Window>, Window> = (state, input) => {
  const id = idFor(state, 'window', input, state.windows);
  if (typeof id !== 'number') return id;
  if (!state.areas.has(input.areaId)) return thingError('INVALID_REFERENCE', 'area');
  if (input.services.some((s) => !state.services.has(s.serviceId))) return thingError('INVALID_REFERENCE', 'service');
  const dup = unique(state.windows, id, 'windowNumber', input.number, (w) => w.number);
  if (dup) return dup;
  // Deactivated, a window leaves every screen: one still open, or with a visitor called to it or sent to it, would
  // hide them from every list while they wait. The same rule as deleting it.
  if (!input.active && state.windows.get(id)?.active && inUse(state, 'window', id)) return thingError('IN_USE', 'window');
  const item: Window = { ...input, id };
  return accept([{ type: 'config.saved', entity: 'window', item }], item);
};

export const saveStaff: Handler<Saved<Staff>, Staff> = (state, input, ctx) => {
  const id = idFor(state, 'staff', input, state.staff);
  if (typeof id !== 'number') return id;
  if (input.supervisorId !== null && !state.staff.has(input.supervisorId)) return thingError('INVALID_REFERENCE', 'staff');
  const dup = unique(state.staff, id, 'staffNumber', input.number, (s) => s.number) ?? keepsAnAdmin(state, id, input, ctx.actor);
  if (dup) return dup;
  const item: Staff = { ...input, id };
  return accept([{ type: 'config.saved', entity: 'staff', item }], item);
};

const isActiveAdmin = (s: Pick<Staff, 'role' | 'active'> | undefined | null) => !!s && s.active && s.role === 'admin';

/**
 * Nobody locks the hall out of its own admin screens: an admin cannot deactivate, demote or delete the account they
 * are logged in with (they would be signed out mid-change), and the last active admin account stays one. `after`
 * is the account as it would be saved, null when it is deleted.
 */
function keepsAnAdmin(state: HallState, id: number, after: Pick<Staff, 'role' | 'active'> | null, actor: Actor): DomainError | null {
  const before = state.staff.get(id);
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return null;
  if (actor.kind === 'staff' && actor.staffId === id) return domainError('SELF_DEACTIVATE');
  const others = [...state.staff.values()].some((s) => s.id !== id && isActiveAdmin(s));
  return others ? null : domainError('LAST_ADMIN');
}

export const savePriorityClass: Handler<Saved<PriorityClass>, PriorityClass> = (state, input) => {
  const id = idFor(state, 'priorityClass', input, state.priorityClasses);
  if (typeof id !== 'number') return id;
  if (input.kind === 'age' && input.minAge === null) return domainError('INVALID_CONFIG', { reasonZh: '按年龄的优先类别须设定最低年龄', reasonEn: 'an age class needs a minimum age' });
  const dup = unique(state.priorityClasses, id, 'code', input.code, (p) => p.code);
  if (dup) return dup;
  const item: PriorityClass = { ...input, id };
  return accept([{ type: 'config.saved', entity: 'priorityClass', item }], item);
};

export const saveSettings: Handler<HallSettings, HallSettings> = (_state, settings) => {
  if (settings.yellowWaitMinutes >= settings.redWaitMinutes) {
    return domainError('INVALID_CONFIG', { reasonZh: '黄色预警须早于红色预警', reasonEn: 'the yellow threshold must come before the red one' });
  }
  return hoursError(settings.hours) ?? feedbackSettingsError(settings) ?? accept([{ type: 'settings.saved', settings }], settings);
};

/**
 * Deleting takes something out of use. What active tickets or other config still point at is refused with
 * IN_USE (deactivate it instead); history in SQLite keeps its rows.
 */
export const deleteConfig: Handler<{ entity: ConfigEntity; id: number }, { id: number }> = (state, { entity, id }, ctx) => {
  const maps = { area: state.areas, service: state.services, window: state.windows, staff: state.staff, priorityClass: state.priorityClasses };
  if (!maps[entity].has(id)) return notFound(entity, id);
  const lockout = entity === 'staff' ? keepsAnAdmin(state, id, null, ctx.actor) : null;
  if (lockout) return lockout;
  if (inUse(state, entity, id)) return thingError('IN_USE', entity);
  const done: Decision<{ id: number }> = accept([{ type: 'config.deleted', entity, id }], { id });
  return done;
};

function inUse(state: HallState, entity: ConfigEntity, id: number): boolean {
  const active = [...state.active.values()];
  switch (entity) {
    case 'area':
      return [...state.services.values()].some((s) => s.areaId === id) || [...state.windows.values()].some((w) => w.areaId === id);
    case 'service':
      // A booking still to come keeps its service: the visitor will arrive for it.
      return active.some((t) => t.serviceId === id) || [...state.windows.values()].some((w) => w.services.some((s) => s.serviceId === id))
        || [...state.appointments.values()].some((a) => a.serviceId === id && a.status === 'booked');
    case 'window':
      return active.some((t) => t.windowId === id || t.targetWindowId === id) || state.runtime.get(id)?.status !== 'closed';
    case 'staff':
      return [...state.runtime.values()].some((r) => r.staffId === id) || [...state.staff.values()].some((s) => s.supervisorId === id);
    case 'priorityClass':
      return active.some((t) => t.priorityClassId === id);
  }
}
