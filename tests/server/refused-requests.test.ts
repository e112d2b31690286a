import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { startHall } from './test-hall.js';

/** Bad bodies, unknown ids and wrong-state moves: each refused with a code and words, none leaving a trace. */
describe('requests the hall refuses', () => {
  let t: TestHall;
  let staff: string;
  let admin: string;
  const refused = (status: number, code: string, request: () => Promise<{ status: number; body: any }>) =>
    expectRefused(t.config.databasePath, status, code, request);

  beforeAll(async () => {
    t = await startHall();
    [staff, admin] = await Promise.all([t.login('1001'), t.login('admin')]);
    await t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'open' } });
  });
  afterAll(async () => t.stop());

  it('answers a malformed JSON body with 400 BAD_REQUEST, and an oversized one with 413', async () => {
    await refused(400, 'BAD_REQUEST', () => t.api('POST', '/api/tickets', { token: t.kioskToken, raw: '{"serviceId": 6,' }));
    await refused(400, 'BAD_REQUEST', () => t.api('POST', '/api/areas', { cookie: admin, raw: 'code=GA' }));
    await refused(413, 'PAYLOAD_TOO_LARGE', () => t.api('POST', '/api/tickets', { token: t.kioskToken, raw: `{"serviceId": 6, "pad": "${'x'.repeat(70_000)}"}` }));
  });

  it('answers wrong types with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 'six' } }));
    expect(res.body.message).toEqual({ zh: '请求内容不符合要求：业务应为数字', en: 'Invalid request: service must be a number' });
    expect(res.body.details.issues[0].path).toBe('body.serviceId');
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/windows/abc/call-next', { cookie: staff }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'sleeping' } }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'paused' } }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name: '张三', idNumber: '1101' } } }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('GET', '/api/events?limit=lots', { cookie: admin }));
  });

  it('answers unknown fields with 400 VALIDATION_FAILED naming the field', async () => {
    const res = await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6, vip: true } }));
    expect(res.body.message.en).toContain('vip');
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/areas', { cookie: admin, body: { code: 'GA', name: { zh: '公安', en: 'Police' }, active: true, id: 99 } }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/windows/8/call', { cookie: staff, body: { ticketId: 1, reason: '急', urgent: true } }));
    const nested = await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name: '张三', idNumber: '11010519491231002X', phone: '13800000000' } } }));
    expect(nested.body.message.en).toContain('phone');
  });

  it('answers unknown ids with 404 NOT_FOUND', async () => {
    await refused(404, 'NOT_FOUND', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 999 } }));
    await refused(404, 'NOT_FOUND', () => t.api('POST', '/api/windows/999/call-next', { cookie: staff }));
    await refused(404, 'NOT_FOUND', () => t.api('POST', '/api/tickets/99999/cancel', { cookie: staff }));
    await refused(404, 'NOT_FOUND', () => t.api('GET', '/api/visits/no-such-visit-token-at-all'));
    await refused(404, 'NOT_FOUND', () => t.api('PUT', '/api/areas/999', { cookie: admin, body: { code: 'GA', name: { zh: '公安', en: 'Police' }, active: true } }));
    await refused(404, 'NOT_FOUND', () => t.api('DELETE', '/api/services/999', { cookie: admin }));
    await refused(404, 'NOT_FOUND', () => t.api('POST', '/api/devices/999/revoke', { cookie: admin }));
    await refused(404, 'NOT_FOUND', () => t.api('GET', '/api/no-such-thing'));
  });

  it('answers a move from the wrong state with 409 naming the state the ticket is in', async () => {
    const waiting = (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body.ticket;
    const inState = async (zh: string, en: string, request: () => Promise<{ status: number; body: any }>) => {
      const res = await refused(409, 'INVALID_TRANSITION', request);
      expect(res.body.message.zh).toContain(zh);
      expect(res.body.message.en).toContain(en);
    };
    await inState('等候中', 'waiting', () => t.api('POST', `/api/tickets/${waiting.id}/requeue`, { cookie: staff }));

    await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    await inState('已呼叫', 'called', () => t.api('POST', '/api/windows/8/finish', { cookie: staff }));
    await inState('已呼叫', 'called', () => t.api('POST', `/api/tickets/${waiting.id}/cancel`, { cookie: staff }));

    await t.api('POST', '/api/windows/8/start', { cookie: staff });
    await inState('办理中', 'being served', () => t.api('POST', '/api/windows/8/recall', { cookie: staff }));
    await inState('办理中', 'being served', () => t.api('POST', '/api/windows/8/no-show', { cookie: staff }));

    await t.api('POST', '/api/windows/8/finish', { cookie: staff });
    await inState('已办结', 'done', () => t.api('POST', `/api/tickets/${waiting.id}/transfer`, { cookie: staff, body: { serviceId: 5 } }));
    await inState('已办结', 'done', () => t.api('POST', '/api/windows/8/call', { cookie: staff, body: { ticketId: waiting.id, reason: '复核' } }));
  });

  it('refuses window moves that do not fit the window, naming what is in the way', async () => {
    await refused(409, 'WINDOW_IDLE', () => t.api('POST', '/api/windows/8/start', { cookie: staff }));
    await refused(409, 'WINDOW_CLOSED', () => t.api('POST', '/api/windows/9/call-next', { cookie: staff }));
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    const busy = await refused(409, 'WINDOW_BUSY', () => t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'closed' } }));
    expect(busy.body.message.zh).toContain(called.body.number);
    expect(busy.body.message.zh).toContain('已呼叫');
  });
});
