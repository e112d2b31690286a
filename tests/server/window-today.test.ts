import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor } from '../core/hall-fixture.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';

describe('GET /api/windows/:windowId/today, the caller pad\'s counts', () => {
  let t: TestHall;
  let clerk: string;
  let padOfEight: string;

  beforeAll(async () => {
    t = await startTestHall();
    const admin = await t.login('admin');
    const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 8 } })).body;
    padOfEight = (await t.api('POST', '/api/devices/pair', { body: { code, name: '8号窗口叫号器' } })).body.token;
    clerk = await t.openWindow('1001', 1);
  });
  afterAll(async () => t?.stop());

  it('counts what the window did today, for its clerk and for any pad signed in with a staff session', async () => {
    const before = await t.api('GET', '/api/windows/1/today', { cookie: clerk });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ served: 0, noShow: 0, transferred: 0 });
    expect(before.body.hallDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const serial of ['301', '302', '303']) {
      const identity = { name: '王五', idNumber: idNumberFor('19850505', serial) };
      expect((await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity } })).status).toBe(201);
    }
    for (const step of ['call-next', 'start', 'finish', 'call-next', 'start', 'finish', 'call-next', 'no-show']) {
      expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: clerk })).status, step).toBe(200);
    }
    // A colleague opening the pad on another device sees the same figures.
    const colleague = await t.login('1002');
    expect((await t.api('GET', '/api/windows/1/today', { cookie: colleague })).body).toMatchObject({ served: 2, noShow: 1, transferred: 0 });
  });

  it('lets a paired pad read its own window only, and says so for a window that does not exist', async () => {
    expect((await t.api('GET', '/api/windows/8/today', { token: padOfEight })).status).toBe(200);
    const other = await t.api('GET', '/api/windows/1/today', { token: padOfEight });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN');
    const kiosk = await t.api('GET', '/api/windows/1/today', { token: t.kioskToken });
    expect(kiosk.status).toBe(403);
    const missing = await t.api('GET', '/api/windows/999/today', { cookie: clerk });
    expect(missing.status).toBe(404);
    expect(missing.body.message.en).toBeTruthy();
  });
});
