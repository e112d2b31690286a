import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';

const text = (zh: string, en: string) => ({ zh, en });

describe('hall configuration through the admin API', () => {
  let t: TestHall;
  let admin: string;
  const call = (method: string, path: string, body?: unknown) => t.api(method, path, { cookie: admin, body });
  const ids = async (path: string) => ((await call('GET', path)).body as { id: number }[]).map((x) => x.id);

  beforeAll(async () => {
    t = await startHall();
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  /** Creates, replaces and deletes one item, checking the list after each step; returns nothing left behind. */
  async function roundTrip(path: string, created: Record<string, unknown>, change: Record<string, unknown>) {
    const made = await call('POST', path, created);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject(created);
    expect(await ids(path)).toContain(made.body.id);

    const { id, ...current } = made.body;
    const replaced = await call('PUT', `${path}/${id}`, { ...current, ...change });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ id, ...change });
    expect((await call('GET', path)).body.find((x: any) => x.id === id)).toMatchObject(change);

    const deleted = await call('DELETE', `${path}/${id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await ids(path)).not.toContain(id);
    expect((await call('DELETE', `${path}/${id}`)).status).toBe(404);
  }

  it('creates, updates and deletes an area', async () => {
    await roundTrip('/api/areas', { code: 'GA', name: text('公安', 'Police'), active: true }, { name: text('公安户政', 'Police Registry') });
  });

  it('creates, updates and deletes a service', async () => {
    await roundTrip('/api/services', {
      code: 'SB09', areaId: 1, name: text('失业登记', 'Unemployment'), prefix: 'P', hours: null, dailyQuota: null, slotQuotas: [],
      defaultHandlingMinutes: 5, idRequired: true, onlineAllowed: true, appointmentSlotMinutes: 30, appointmentsPerSlot: 2, active: true,
    }, { dailyQuota: 80, prefix: 'Q' });
  });

  it('creates, updates and deletes a window', async () => {
    await roundTrip('/api/windows', {
      number: 20, name: text('20号窗口', 'Window 20'), areaId: 3, comprehensive: false, services: [{ serviceId: 10, tier: 1 }],
      priorityRule: 'hall', ledAddress: null, active: true,
    }, { services: [{ serviceId: 10, tier: 1 }, { serviceId: 9, tier: 2 }], ledAddress: 20 });
  });

  it('creates, updates and deletes a staff member, whose password then works', async () => {
    const made = await call('POST', '/api/staff', { number: '2001', name: '新同事', role: 'staff', supervisorId: 2, active: true, password: 'first-day-password' });
    expect(made.status).toBe(201);
    expect(JSON.stringify(made.body)).not.toContain('first-day-password');
    const login = await t.api('POST', '/api/auth/login', { body: { staffNumber: '2001', password: 'first-day-password' } });
    expect(login.status).toBe(200);
    await call('DELETE', `/api/staff/${made.body.id}`);
    await roundTrip('/api/staff', { number: '2002', name: '实习生', role: 'staff', supervisorId: null, active: true }, { role: 'supervisor', name: '实习组长' });
  });

  it('creates, updates and deletes a priority class', async () => {
    await roundTrip('/api/priority-classes', { code: 'PREG', name: text('孕妇', 'Pregnant'), kind: 'declared', minAge: null, active: true }, { name: text('孕产妇', 'Expectant mothers') });
  });

  it('refuses to delete what is still in use with 409 IN_USE, and allows it once nothing refers to it', async () => {
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    const service = await call('DELETE', '/api/services/6');
    expect(service.status).toBe(409);
    expect(service.body.code).toBe('IN_USE');
    expect(service.body.message.zh).toContain('业务');
    expect(service.body.message.en).toContain('Service');
    expect(await ids('/api/services')).toContain(6);
    expect((await call('DELETE', '/api/areas/1')).body.code).toBe('IN_USE');

    const area = (await call('POST', '/api/areas', { code: 'TMP', name: text('临时', 'Temporary'), active: true })).body;
    const kept = (await call('POST', '/api/services', {
      code: 'TMP1', areaId: area.id, name: text('临时业务', 'Temporary'), prefix: 'T', hours: null, dailyQuota: null, slotQuotas: [],
      defaultHandlingMinutes: 5, idRequired: false, onlineAllowed: false, appointmentSlotMinutes: 30, appointmentsPerSlot: 0, active: true,
    })).body;
    expect((await call('DELETE', `/api/areas/${area.id}`)).body.code).toBe('IN_USE');
    expect((await call('DELETE', `/api/services/${kept.id}`)).status).toBe(200);
    expect((await call('DELETE', `/api/areas/${area.id}`)).status).toBe(200);
  });

  it('refuses a duplicate code or a reference to nothing, naming the problem', async () => {
    const dup = await call('POST', '/api/areas', { code: 'SB', name: text('重复', 'Duplicate'), active: true });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE' });
    expect(dup.body.message.en).toContain('SB');
    const dangling = await call('POST', '/api/windows', {
      number: 21, name: text('21号窗口', 'Window 21'), areaId: 99, comprehensive: false, services: [], priorityRule: 'hall', ledAddress: null, active: true,
    });
    expect(dangling.status).toBe(422);
    expect(dangling.body.code).toBe('INVALID_REFERENCE');
  });
});
