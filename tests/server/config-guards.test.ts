import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { startHall } from './test-hall.js';

const text = (zh: string, en: string) => ({ zh, en });

/** The admin screens' refusals over HTTP, on the seeded demo hall: each leaves the database as it was. */
describe('config changes the hall refuses, and why', () => {
  let t: TestHall;
  let admin: string;
  const refused = (status: number, code: string, request: () => Promise<{ status: number; body: any }>) =>
    expectRefused(t.config.databasePath, status, code, request);
  const staffByNumber = async (number: string) => (await t.api('GET', '/api/staff', { cookie: admin })).body.find((s: { number: string }) => s.number === number);

  beforeAll(async () => {
    t = await startHall();
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('refuses the only admin deactivating themselves, who stays logged in and can log in again', async () => {
    const me = await staffByNumber('admin');
    const { id, ...input } = me;
    const res = await refused(409, 'SELF_DEACTIVATE', () => t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...input, active: false } }));
    expect(res.body.message.zh).toBe('不能停用、降级或删除当前登录的账号');
    await refused(409, 'SELF_DEACTIVATE', () => t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...input, role: 'staff' } }));
    await refused(409, 'SELF_DEACTIVATE', () => t.api('DELETE', `/api/staff/${id}`, { cookie: admin }));
    expect((await t.api('GET', '/api/auth/me', { cookie: admin })).body.staff).toMatchObject({ number: 'admin', active: true, role: 'admin' });
    await t.login('admin');
  });

  it('tells a deactivated account with the right password that it is deactivated, and anyone else only "wrong"', async () => {
    const { id, ...input } = await staffByNumber('1012');
    expect((await t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...input, active: false } })).status).toBe(200);
    const login = (password: string) => t.api('POST', '/api/auth/login', { body: { staffNumber: '1012', password } });
    expect((await login(t.adminPassword)).body).toMatchObject({ code: 'ACCOUNT_DEACTIVATED', message: { zh: '该账号已停用，请联系管理员重新启用' } });
    expect((await login(`${t.adminPassword}-wrong`)).body).toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect((await t.api('POST', '/api/auth/login', { body: { staffNumber: 'nobody', password: t.adminPassword } })).body.code).toBe('BAD_CREDENTIALS');
    expect((await t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...input, active: true } })).status).toBe(200);
    await t.login('1012');
  });

  it('issues no ticket for a service of a deactivated area, and the kiosk no longer lists it', async () => {
    const areas = (await t.api('GET', '/api/areas', { cookie: admin })).body;
    const { id, ...sb } = areas.find((a: { code: string }) => a.code === 'SB');
    const service = (await t.api('GET', '/api/services', { cookie: admin })).body.find((s: { areaId: number; idRequired: boolean }) => s.areaId === id);
    expect((await t.api('PUT', `/api/areas/${id}`, { cookie: admin, body: { ...sb, active: false } })).status).toBe(200);
    try {
      const res = await refused(409, 'SERVICE_INACTIVE', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: service.id } }));
      expect(res.body.message).toEqual({ zh: '该业务已停用', en: 'The service is not offered' });
      const offered = (await t.api('GET', '/api/public/hall')).body;
      expect(offered.services.map((s: { areaId: number }) => s.areaId)).not.toContain(id);
    } finally {
      await t.api('PUT', `/api/areas/${id}`, { cookie: admin, body: { ...sb, active: true } });
    }
  });

  it('names a clashing field in Chinese and in English', async () => {
    const res = await refused(409, 'DUPLICATE', () => t.api('POST', '/api/areas', { cookie: admin, body: { code: 'SB', name: text('重复', 'Duplicate'), active: true } }));
    expect(res.body.message).toEqual({ zh: '编码“SB”已被使用', en: 'Code "SB" is already in use' });
    const prefix = await refused(409, 'DUPLICATE', () => t.api('POST', '/api/services', {
      cookie: admin, body: {
        code: 'NEW1', areaId: 1, name: text('新业务', 'New'), prefix: 'A', hours: null, dailyQuota: null, slotQuotas: [], defaultHandlingMinutes: 5,
        idRequired: false, onlineAllowed: false, appointmentSlotMinutes: 30, appointmentsPerSlot: 0, active: true,
      },
    }));
    expect(prefix.body.message).toEqual({ zh: '票号前缀“A”已被使用', en: 'Ticket prefix "A" is already in use' });
  });

  it('words a refused field in each language, with a readable reason', async () => {
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const tz = await refused(400, 'VALIDATION_FAILED', () => t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, timeZone: 'Mars/Olympus' } }));
    expect(tz.body.message).toEqual({
      zh: '请求内容不符合要求：时区不是可识别的时区（应如 Asia/Shanghai）',
      en: 'Invalid request: time zone is not a known IANA time zone (e.g. Asia/Shanghai)',
    });
    expect(tz.body.details.issues[0].path).toBe('body.timeZone');
    const long = await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/areas', { cookie: admin, body: { code: 'LONG', name: text('长'.repeat(300), 'Long'), active: true } }));
    expect(long.body.message).toEqual({ zh: '请求内容不符合要求：名称（中文）最多 40 个字', en: 'Invalid request: name (Chinese) must be at most 40 characters' });
    const staff = await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/staff', { cookie: admin, body: { number: '工号', name: '张三', role: 'staff', supervisorId: null, active: true } }));
    expect(staff.body.message.zh).toBe('请求内容不符合要求：工号只能用字母、数字、_ 或 -，最多32位');
    // No field's code name in the Chinese: the zone's own example is the only Latin text left.
    for (const res of [tz, long, staff]) expect(res.body.message.zh.replace('Asia/Shanghai', '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('still takes the names a real hall uses, at the limits', async () => {
    const res = await t.api('POST', '/api/areas', { cookie: admin, body: { code: 'GA', name: text('公'.repeat(40), 'P'.repeat(100)), active: true } });
    expect(res.status).toBe(201);
    expect((await t.api('DELETE', `/api/areas/${res.body.id}`, { cookie: admin })).status).toBe(200);
  });
});
