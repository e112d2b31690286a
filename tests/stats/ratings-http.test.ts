import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { at, idNumberFor } from '../core/hall-fixture.js';
import { FakeClock } from './stats-hall.js';
import { statsColumns } from '../../server/stats/columns.js';
import { readCsv, readXlsx } from './read-exports.js';

// A Tuesday in the demo hall: window 1 serves 社保参保登记 (service 1), staff 1001 works there, S01 supervises.
const today = '2026-03-10';

describe('ratings, follow-ups and statistics over HTTP', () => {
  const clock = new FakeClock(at(`${today} 10:00`));
  let t: TestHall;
  let admin: string;
  let supervisor: string;
  let staff: string;
  let padToken: string;
  let visit: { ticketId: number; token: string };
  let followUpId: number;
  let adminSocket: TestSocket;

  const serveOnWindow1 = async (visitor: number) => {
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '张三', idNumber: idNumberFor('19800101', String(visitor).padStart(3, '0')) } } });
    expect(issued.status).toBe(201);
    for (const step of ['call-next', 'start', 'finish']) expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: staff })).status).toBe(200);
    return { ticketId: issued.body.ticket.id as number, token: issued.body.token as string };
  };

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    [admin, supervisor, staff] = await Promise.all([t.login('admin'), t.login('S01'), t.login('1001')]);
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 1 } });
    padToken = (await t.api('POST', '/api/devices/pair', { body: { code: code.body.code, name: '评价器' } })).body.token;
    adminSocket = await TestSocket.open(t.wsUrl, { follow: { scope: 'hall' } }, { cookie: admin });
    await adminSocket.next((m) => m.type === 'snapshot');
    await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } });
    visit = await serveOnWindow1(1);
  });
  afterAll(async () => {
    adminSocket?.close();
    await t?.stop();
  });

  it('offers the pad its levels, reasons and timeout', async () => {
    const options = await t.api('GET', '/api/ratings/options', { token: padToken });
    expect(options.body).toMatchObject({ padTimeoutSeconds: 60, padClosesAfterSeconds: 90, levels: [{ level: 5, name: { zh: '非常满意' } }, {}, {}, {}, { level: 1, needsReason: true }] });
  });

  it('takes the case number from the business system and one bad rating from the window\'s pad', async () => {
    expect((await t.api('POST', '/api/windows/1/case-number', { token: padToken, body: { caseNumber: 'SB-20260310-0001' } })).body).toEqual({ ticketId: visit.ticketId, caseNumber: 'SB-20260310-0001' });
    const noReason = await t.api('POST', '/api/ratings', { token: padToken, body: { ticketId: visit.ticketId, level: 1 } });
    expect(noReason).toMatchObject({ status: 422, body: { code: 'RATING_REASON_REQUIRED' } });
    const rated = await t.api('POST', '/api/ratings', { token: padToken, body: { ticketId: visit.ticketId, level: 1, reasons: ['attitude'] } });
    expect(rated).toMatchObject({ status: 201, body: { level: 1, windowId: 1, caseNumber: 'SB-20260310-0001', channel: 'window' } });
    followUpId = rated.body.followUpId;
    expect((await t.api('POST', '/api/ratings', { token: padToken, body: { ticketId: visit.ticketId, level: 5 } })).body.code).toBe('ALREADY_RATED');
    const alert = await adminSocket.next((m) => m.type === 'alert' && m.alert.code === 'BAD_RATING');
    expect(alert.alert.message.zh).toContain('非常不满意');
  });

  it('refuses a pad of another window', async () => {
    const other = await serveOnWindow1(2);
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 2 } });
    const pad2 = (await t.api('POST', '/api/devices/pair', { body: { code: code.body.code } })).body.token;
    expect((await t.api('POST', '/api/ratings', { token: pad2, body: { ticketId: other.ticketId, level: 5 } })).status).toBe(403);
    // The phone page rates it instead, later the same day.
    expect((await t.api('GET', `/api/visits/${other.token}/rating`)).body).toMatchObject({ rating: null, canRate: true, followUp: null });
    expect((await t.api('POST', `/api/visits/${other.token}/rating`, { body: { level: 5 } })).body).toMatchObject({ level: 5, channel: 'phone' });
  });

  it('opens a follow-up for the supervisor, flags it overdue after the call-back hour, and records its steps', async () => {
    const open = await t.api('GET', '/api/follow-ups', { cookie: supervisor });
    expect(open.body).toEqual([expect.objectContaining({ id: followUpId, status: 'open', overdue: { contact: false, rectify: false } })]);
    expect(open.body[0].assigneeId).toBe((await t.api('GET', '/api/auth/me', { cookie: supervisor })).body.staff.id);
    clock.now = at(`${today} 11:05`);
    expect((await t.api('GET', '/api/follow-ups?overdue=true', { cookie: supervisor })).body.map((c: { id: number }) => c.id)).toEqual([followUpId]);
    expect((await t.api('GET', '/api/stats/warnings', { cookie: supervisor })).body.warnings).toEqual([expect.objectContaining({ kind: 'followUp', level: 'yellow' })]);
    expect((await t.api('POST', `/api/follow-ups/${followUpId}/actions`, { cookie: staff, body: { action: 'contact', note: '已致电' } })).status).toBe(403);
    await t.api('POST', `/api/follow-ups/${followUpId}/actions`, { cookie: supervisor, body: { action: 'contact', note: '已致电访客' } });
    const fixed = await t.api('POST', `/api/follow-ups/${followUpId}/actions`, { cookie: supervisor, body: { action: 'rectify', note: '已约谈窗口人员' } });
    expect(fixed.body).toMatchObject({ status: 'rectified', overdue: { contact: false, rectify: false } });
    expect(fixed.body.history.map((h: { action: string }) => h.action)).toEqual(['open', 'contact', 'rectify']);
  });

  it('lets the visitor rate the fix from the phone page', async () => {
    expect((await t.api('GET', `/api/visits/${visit.token}/rating`)).body.followUp).toMatchObject({ status: 'rectified', canRateFix: true });
    const rated = await t.api('POST', `/api/visits/${visit.token}/follow-up/rating`, { body: { level: 4 } });
    expect(rated).toMatchObject({ status: 201, body: { fixRating: { level: 4, channel: 'phone' } } });
  });

  it('answers statistics to supervisors only, and exports the same figures as XLSX and CSV', async () => {
    expect((await t.api('GET', `/api/stats?from=${today}&to=${today}&by=window`, { cookie: staff })).status).toBe(403);
    const stats = await t.api('GET', `/api/stats?from=${today}&to=${today}&by=window`, { cookie: supervisor });
    expect(stats.body.rows).toEqual([expect.objectContaining({ key: '1', served: 2, ratings: 2, goodRatings: 1, badRatings: 1, goodRate: 0.5, followUps: expect.objectContaining({ rectified: 1 }) })]);
    const expected = [...stats.body.rows, stats.body.total].map((r) => statsColumns.map((c) => c.value(r)));
    const xlsx = await fetch(`${t.url}/api/stats/export?from=${today}&to=${today}&by=window&format=xlsx`, { headers: { cookie: supervisor } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain(`statistics-${today}-${today}-window.xlsx`);
    expect((await readXlsx(Buffer.from(await xlsx.arrayBuffer()))).slice(1)).toEqual(expected);
    const csv = await fetch(`${t.url}/api/stats/export?from=${today}&to=${today}&by=window&format=csv`, { headers: { cookie: supervisor } });
    expect(readCsv(Buffer.from(await csv.arrayBuffer())).slice(1)).toEqual(expected.map((cells) => cells.map((c) => (c === null ? '' : String(c)))));
  });

  it('gives the monthly window report and refuses a period backwards', async () => {
    const report = await t.api('GET', '/api/stats/window-report?month=2026-03', { cookie: admin });
    expect(report.body.rows).toEqual([expect.objectContaining({ windowNumber: 1, served: 2, rank: 1 })]);
    expect((await t.api('GET', `/api/stats?from=${today}&to=2026-03-01`, { cookie: admin })).body.code).toBe('BAD_PERIOD');
    const file = await fetch(`${t.url}/api/stats/window-report/export?month=2026-03&format=xlsx`, { headers: { cookie: admin } });
    expect((await readXlsx(Buffer.from(await file.arrayBuffer())))[1].slice(0, 2)).toEqual([1, 1]);
  });
});
