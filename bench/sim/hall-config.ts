import type { HallSettings, Service, Window } from '../../protocol/config-entities.js';
import type { Config } from '../../server/config.js';
import { demoAreas, demoServices } from '../../server/seed/demo-data.js';
import { defaultSettings } from '../../server/seed/demo-hall.js';
import type { WindowPlan } from './profile.js';

/**
 * The simulated hall is the demo hall (its areas, services, priority classes and settings, as the seed makes them)
 * with the windows of the day's plan added. The in-process run builds it from these inputs; the networked run
 * gets the demo hall from the server's seed and adds the same windows through the admin API.
 */
export function benchSettings(timeZone: string): HallSettings {
  return defaultSettings({ timeZone, thresholds: { yellowWaitMinutes: 20, redWaitMinutes: 40 } } as Config);
}

export const areaInputs = demoAreas.map((a) => ({ code: a.code, name: a.name, active: true }));

export function serviceInputs(areaIds: Map<string, number>): Omit<Service, 'id'>[] {
  return demoServices.map((s) => ({
    code: s.code, areaId: areaIds.get(s.area)!, name: s.name, prefix: s.prefix, hours: null, dailyQuota: s.dailyQuota ?? null,
    slotQuotas: [], defaultHandlingMinutes: s.minutes, idRequired: s.idRequired, onlineAllowed: s.onlineAllowed,
    appointmentSlotMinutes: 30, appointmentsPerSlot: 4, active: true,
  }));
}

export const priorityClassInputs = [
  { code: 'ELDERLY', name: { zh: '65岁以上老人', en: 'Aged 65 and over' }, kind: 'age' as const, minAge: 65, active: true },
  { code: 'DISABLED', name: { zh: '残疾人', en: 'Disabled' }, kind: 'declared' as const, minAge: null, active: true },
  { code: 'MILITARY', name: { zh: '军人', en: 'Military' }, kind: 'declared' as const, minAge: null, active: true },
];

export function windowInput(w: WindowPlan, areaIds: Map<string, number>, serviceIds: Map<string, number>): Omit<Window, 'id'> {
  return {
    number: w.number, name: { zh: `${w.number}号窗口`, en: `Window ${w.number}` }, areaId: areaIds.get(w.area)!,
    comprehensive: w.comprehensive, priorityRule: w.green ? 'strict' : 'hall', ledAddress: w.number, active: true,
    services: [
      ...w.main.map((c) => ({ serviceId: serviceIds.get(c)!, tier: 1 as const })),
      ...w.backup.map((c) => ({ serviceId: serviceIds.get(c)!, tier: 2 as const })),
    ],
  };
}

/** A six-digit appointment code per visitor, unique within the day. */
export const appointmentCode = (index: number) => String(100000 + index);
