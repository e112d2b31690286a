import { randomBytes } from 'node:crypto';
import type { HallSettings, Service } from '../../protocol/config-entities.js';
import { hashPassword } from '../auth/passwords.js';
import type { Config } from '../config.js';
import type { OperationContext } from '../operations/operation.js';
import { demoAreas, demoServices, demoStaff, demoWindows } from './demo-data.js';

export function defaultSettings(config: Config): HallSettings {
  return {
    name: { zh: '示范政务服务中心', en: 'Demo Government Service Centre' },
    timeZone: config.timeZone,
    // The demo hall is open around the clock so the start command shows a working hall at any hour; an end of
    // '00:00' is the midnight that ends the day (23:59 would turn visitors away in the day's last minute).
    hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '00:00', end: '00:00' }] },
    priorityRule: { mode: 'ratio', priority: 1, normal: 2 },
    requeueOffset: 3,
    maxRequeues: 2,
    yellowWaitMinutes: config.thresholds.yellowWaitMinutes,
    redWaitMinutes: config.thresholds.redWaitMinutes,
    onePerPersonPerService: true,
    notice: { zh: '请携带本人身份证，按叫号顺序办理。', en: 'Please bring your ID card and wait for your number.' },
  };
}

export interface SeedReport {
  adminPassword: string | null;
  devices: { role: string; name: string; token: string }[];
}

/** A first start on an empty database gets a demo hall, built through the same commands an admin would use. */
export async function seedDemoHall(ctx: OperationContext): Promise<SeedReport> {
  const system = { kind: 'system' } as const;
  const must = <T>(d: { ok: true; result: T } | { ok: false; code: string }): T => {
    if (!d.ok) throw new Error(`demo hall could not be seeded: ${d.code}`);
    return d.result;
  };
  must(ctx.runner.run('saveSettings', ctx.runner.state.settings, system));
  const areaIds = new Map<string, number>();
  for (const a of demoAreas) areaIds.set(a.code, must(ctx.runner.run('saveArea', { ...a, active: true }, system)).id);
  const serviceIds = new Map<string, number>();
  for (const s of demoServices) {
    const service: Omit<Service, 'id'> = {
      code: s.code, areaId: areaIds.get(s.area)!, name: s.name, prefix: s.prefix, hours: null, dailyQuota: s.dailyQuota ?? null,
      slotQuotas: [], defaultHandlingMinutes: s.minutes, idRequired: s.idRequired, onlineAllowed: s.onlineAllowed,
      appointmentSlotMinutes: 30, appointmentsPerSlot: 4, active: true,
    };
    serviceIds.set(s.code, must(ctx.runner.run('saveService', service, system)).id);
  }
  for (const w of demoWindows) {
    must(ctx.runner.run('saveWindow', {
      number: w.number, name: { zh: `${w.number}号窗口`, en: `Window ${w.number}` }, areaId: areaIds.get(w.area)!,
      comprehensive: w.comprehensive ?? false, priorityRule: w.green ? 'strict' : 'hall', ledAddress: w.number, active: true,
      services: [
        ...(w.main ?? []).map((c) => ({ serviceId: serviceIds.get(c)!, tier: 1 as 1 | 2 })),
        ...(w.backup ?? []).map((c) => ({ serviceId: serviceIds.get(c)!, tier: 2 as 1 | 2 })),
      ],
    }, system));
  }
  must(ctx.runner.run('savePriorityClass', { code: 'ELDERLY', name: { zh: '65岁以上老人', en: 'Aged 65 and over' }, kind: 'age', minAge: 65, active: true }, system));
  must(ctx.runner.run('savePriorityClass', { code: 'DISABLED', name: { zh: '残疾人', en: 'Disabled' }, kind: 'declared', minAge: null, active: true }, system));
  must(ctx.runner.run('savePriorityClass', { code: 'MILITARY', name: { zh: '军人', en: 'Military' }, kind: 'declared', minAge: null, active: true }, system));

  const given = ctx.config.adminPassword;
  const password = given ?? randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  let supervisorId: number | null = null;
  for (const s of demoStaff) {
    const saved: { id: number } = must(ctx.runner.run('saveStaff', { number: s.number, name: s.name, role: s.role, supervisorId: s.role === 'staff' ? supervisorId : null, active: true }, system,
      (_db, staff) => ctx.access.setPassword(staff.id, hash)));
    if (s.role === 'supervisor') supervisorId = saved.id;
  }
  const devices = (['kiosk', 'board'] as const).map((role) => {
    const { code } = ctx.access.createPairingCode(role, null, null, ctx.runner.clock());
    const paired = ctx.access.pair(code, role === 'kiosk' ? '演示取号机' : '演示大厅屏', ctx.runner.clock())!;
    return { role, name: paired.device.name, token: paired.token };
  });
  return { adminPassword: given ? null : password, devices };
}
