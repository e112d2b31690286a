import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv, eventLine, hallTimeText } from '../../server/operations/audit-csv.js';
import { AuditEvents } from '../../server/store/audit-events.js';
import { openDatabase } from '../../server/store/database.js';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { beijing, HallClock, idNumber, startHall } from './test-hall.js';

const records = 6; // F, window 8
const enquiries = 10; // K, window 11
const pension = 1; // A, window 1, online with real name
const day = '2026-03-10';
const nextDay = '2026-03-11';

/**
 * The operations log as the audit page reads it: chosen hall days newest first, narrowed by kind, operator, window
 * or ticket number, paged back within the filter, exported as CSV; bad filters refused in both languages; readers
 * are supervisors and admins, never a clerk.
 */
describe('the operations log, filtered', () => {
  const clock = new HallClock(`${day} 09:00`);
  let t: TestHall;
  let supervisor: string;
  const ids: Record<string, number> = {};
  const list = async (query: string) => {
    const res = await t.api('GET', `/api/audit/events?${query}`, { cookie: supervisor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { entries: any[]; nextBefore: number | null };
  };
  const issue = async (serviceId: number) => {
    const res = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.ticket.number as string;
  };
  const windowOf = (e: any) => e.payload.runtime?.windowId ?? e.payload.rating?.windowId ?? null;

  beforeAll(async () => {
    t = await startHall({ clock });
    for (const s of t.hall.ctx.runner.state.staff.values()) ids[s.number] = s.id;
    const records8 = await t.openWindow('1008', 8);
    const enquiries11 = await t.openWindow('1011', 11);
    const pension1 = await t.openWindow('1001', 1);
    expect(await issue(records)).toBe('F001');
    expect(await issue(records)).toBe('F002');
    expect(await issue(enquiries)).toBe('K001');
    expect((await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: { name: '欧阳明月', idNumber: idNumber('19560708', '113') } } })).status).toBe(201);
    for (const [cookie, w] of [[records8, 8], [enquiries11, 11], [pension1, 1]] as const) {
      expect((await t.api('POST', `/api/windows/${w}/call-next`, { cookie })).status).toBe(200);
    }
    expect((await t.api('POST', '/api/windows/8/start', { cookie: records8 })).status).toBe(200);
    expect((await t.api('POST', '/api/windows/8/finish', { cookie: records8 })).status).toBe(200);
    expect((await t.api('POST', '/api/windows/8/status', { cookie: records8, body: { status: 'paused', reason: 'break' } })).status).toBe(200);
    clock.jumpTo(`${nextDay} 09:00`);
    expect(await issue(records)).toBe('F001');
    supervisor = await t.login('S01');
  });
  afterAll(async () => t.stop());

  it('lists the chosen days newest first, and keeps /api/events as it was', async () => {
    const both = (await list(`from=${day}&to=${nextDay}`)).entries;
    const seqs = both.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(both[0]).toMatchObject({ type: 'ticket.issued', payload: { ticket: { number: 'F001', hallDay: nextDay } } });
    const first = (await list(`from=${day}&to=${day}`)).entries;
    expect(first.every((e) => e.seq < both[0].seq)).toBe(true);
    expect(first.some((e) => e.type === 'ticket.issued' && e.payload.ticket.hallDay === nextDay)).toBe(false);
    const forward = (await t.api('GET', '/api/events?afterSeq=0&limit=1000', { cookie: supervisor })).body as any[];
    expect(forward.map((e) => e.seq)).toEqual([...forward.map((e) => e.seq)].sort((a, b) => a - b));
    expect(forward.slice(-both.length).reverse().map((e) => e.seq)).toEqual(seqs);
  });

  it('narrows by window, by ticket number on the chosen days, by kind and by operator', async () => {
    const at8 = (await list(`from=${day}&to=${nextDay}&windowId=8`)).entries;
    expect(at8.map((e) => e.type)).toEqual(['window.statusChanged', 'ticket.finished', 'ticket.started', 'ticket.called', 'window.statusChanged']);
    expect(at8.every((e) => windowOf(e) === 8)).toBe(true);

    const f001 = (await list(`from=${day}&to=${day}&ticketNumber=f001`)).entries;
    expect(f001.map((e) => e.type)).toEqual(['ticket.finished', 'ticket.started', 'ticket.called', 'ticket.issued']);
    expect(f001.every((e) => e.payload.ticket.number === 'F001' && e.payload.ticket.hallDay === day)).toBe(true);
    expect((await list(`from=${day}&to=${nextDay}&ticketNumber=F001`)).entries).toHaveLength(5);

    const windows = (await list(`from=${day}&to=${day}&kind=windows`)).entries;
    expect(windows.map((e) => [windowOf(e), e.payload.runtime.status])).toEqual([[8, 'paused'], [1, 'open'], [11, 'open'], [8, 'open']]);
    const byClerk = (await list(`from=${day}&to=${day}&staffId=${ids['1011']}`)).entries;
    expect(byClerk.map((e) => e.type)).toEqual(['ticket.called', 'window.statusChanged']);
    expect(byClerk.every((e) => e.actor.staffId === ids['1011'])).toBe(true);
    expect((await list(`from=${day}&to=${day}&kind=appointments`)).entries).toEqual([]);
  });

  it('pages back within the filter until the end', async () => {
    const all = (await list(`from=${day}&to=${nextDay}&kind=tickets`)).entries;
    const pages: any[] = [];
    let before: number | null = null;
    do {
      const page = await list(`from=${day}&to=${nextDay}&kind=tickets&limit=3${before ? `&before=${before}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      pages.push(...page.entries);
      before = page.nextBefore;
    } while (before !== null);
    expect(pages).toEqual(all);
    expect(all.length).toBeGreaterThan(6);
  });

  it('never shows the keyed ID hash or the birth date, only the masked forms', async () => {
    const issued = (await list(`from=${day}&to=${day}&ticketNumber=A001`)).entries.find((e) => e.type === 'ticket.issued');
    expect(issued.payload.ticket.person).toEqual({ idMasked: expect.stringContaining('*'), nameMasked: '欧阳**' });
  });

  it('exports the filtered rows as CSV with a byte-order mark, both languages and masked names only', async () => {
    const res = await fetch(`${t.url}/api/audit/events/export?from=${day}&to=${day}&windowId=1`, { headers: { cookie: supervisor } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`audit-operations-${day}-${day}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号 Seq,时间 Time,类别 Kind,操作人 Who,内容 What,操作人（英文） Who (English),内容（英文） What (English)');
    const rows = (await list(`from=${day}&to=${day}&windowId=1`)).entries;
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(rows.map((e) => e.seq));
    expect(lines[1]).toMatch(/^\d+,2026-03-10 09:\d\d:\d\d,叫号与票号,工作\*{4} 1001（工作人员）,1号窗口 呼叫 A001,工作\*{4} 1001 \(staff\),Window 1 called A001$/);
    const ticket = await (await fetch(`${t.url}/api/audit/events/export?from=${day}&to=${day}&ticketNumber=A001`, { headers: { cookie: supervisor } })).text();
    expect(ticket).toContain('取号 A001（欧阳**）：社保参保登记，渠道：网上');
    expect(ticket).toContain('Ticket A001 (欧阳**) issued: Pension Enrolment, channel: online');
    for (const text of [lines.join('\n'), ticket]) for (const name of ['欧阳明月', '工作人员01']) expect(text).not.toContain(name);
  });

  it('refuses bad filters with words in both languages, and changes nothing', async () => {
    const refused = (status: number, code: string, query: string) =>
      expectRefused(t.config.databasePath, status, code, () => t.api('GET', `/api/audit/events?${query}`, { cookie: supervisor }));
    expect((await refused(400, 'VALIDATION_FAILED', `from=${day}&to=${day}&ticketNumber=12A`)).body.message).toEqual({
      zh: '请求内容不符合要求：票号应为1-2个字母加3位数字，如 A012', en: 'Invalid request: ticket number must be 1 or 2 letters and 3 digits, e.g. A012',
    });
    expect((await refused(400, 'VALIDATION_FAILED', `from=${day}&to=${day}&staffId=someone`)).body.message).toEqual({
      zh: '请求内容不符合要求：操作人应为数字', en: 'Invalid request: operator must be a number',
    });
    expect((await refused(400, 'VALIDATION_FAILED', `from=${day}&to=${day}&kind=everything`)).body.message.en).toContain('must be one of tickets, windows');
    expect((await refused(400, 'VALIDATION_FAILED', `to=${day}`)).body.message).toEqual({ zh: '请求内容不符合要求：开始日期必须填写', en: 'Invalid request: from is required' });
    expect((await refused(422, 'BAD_FILTER', `from=${nextDay}&to=${day}`)).body.message).toEqual({ zh: '筛选条件无效：开始日期晚于结束日期', en: 'Invalid filter: the start is after the end' });
    expect((await refused(400, 'VALIDATION_FAILED', 'from=2026-02-30&to=2026-03-01')).body.message.zh).toBe('请求内容不符合要求：开始日期不存在（如 2 月 30 日）');
    expect((await refused(422, 'BAD_FILTER', 'from=2026-01-01&to=2026-06-30')).body.message.en).toBe('Invalid filter: at most 92 days at a time');
    await expectRefused(t.config.databasePath, 422, 'BAD_FILTER', () => t.api('GET', `/api/audit/access?from=${nextDay}&to=${day}`, { cookie: supervisor }));
  });

  it('is for supervisors and admins: a clerk is refused, and nobody signed in', async () => {
    const clerk = await t.login('1002');
    const admin = await t.login('admin');
    for (const path of ['/api/audit/events', '/api/audit/events/export', '/api/audit/access', '/api/audit/access/export']) {
      const query = `${path}?from=${day}&to=${day}`;
      expect((await t.api('GET', query, { cookie: clerk })).body.code, path).toBe('FORBIDDEN');
      expect((await t.api('GET', query)).body.code, path).toBe('UNAUTHENTICATED');
      expect((await fetch(t.url + query, { headers: { cookie: admin } })).status, path).toBe(200);
    }
  });
});

/**
 * The reading itself, on a log longer than its slices (2,000 rows looked at, 250 kept per turn of the event loop):
 * nothing is lost or repeated at a slice's edge, an event whose time a clock set back put out of step with its seq
 * is still found on its day, and the CSV written a chunk at a time is one file with every line once.
 */
describe('reading a long operations log', () => {
  const db = openDatabase(':memory:');
  const audit = new AuditEvents(db);
  const start = beijing(`${day} 00:00`);
  const end = beijing(`${nextDay} 00:00`);
  const insert = db.prepare('INSERT INTO events (at, type, actor, payload) VALUES (?, ?, ?, ?)');
  const actor = JSON.stringify({ kind: 'staff', staffId: 3, role: 'staff' });
  db.transaction(() => {
    for (let i = 1; i <= 5000; i++) {
      const ticket = { number: `K${String(i % 1000).padStart(3, '0')}`, serviceId: 10 };
      insert.run(start + 3_600_000 + i * 1000, 'ticket.called', actor, JSON.stringify({ type: 'ticket.called', ticket, runtime: { windowId: (i % 12) + 1 } }));
    }
    // The clock set back an hour: logged last, timed before the rest of the day's events.
    insert.run(start + 60_000, 'ticket.called', actor, JSON.stringify({ type: 'ticket.called', ticket: { number: 'K999' }, runtime: { windowId: 12 } }));
  })();
  afterAll(() => db.close());

  it('reads every matching event once, newest first, across slices', async () => {
    const all = await audit.read({ start, end }, null, 10_000, (e) => e.seq);
    expect(all).toEqual(Array.from({ length: 5001 }, (_, i) => 5001 - i));
    const atWindow12 = await audit.read({ start, end, windowId: 12 }, null, 10_000, (e) => e.seq);
    expect(atWindow12).toEqual([5001, ...Array.from({ length: 416 }, (_, i) => 4991 - 12 * i)]);
    const k999 = await audit.read({ start, end, ticketNumber: 'K999' }, null, 10_000, (e) => e.seq);
    expect(k999).toEqual([5001, 4999, 3999, 2999, 1999, 999]);
    expect(await audit.read({ start: start + 2 * 3_600_000, end }, null, 10_000, (e) => e.seq)).toHaveLength(5000 - 3600 + 1);
    const page = await audit.page({ start, end, windowId: 12 }, 3000, 240);
    expect(page.entries.map((e) => e.seq)).toEqual(atWindow12.filter((seq) => seq < 3000).slice(0, 240));
    expect(page.nextBefore).toBe(page.entries[239].seq);
    const last = await audit.page({ start, end, windowId: 12 }, page.nextBefore, 240);
    expect(last.entries.map((e) => e.seq)).toEqual(atWindow12.filter((seq) => seq < page.nextBefore!));
    expect(last.nextBefore).toBeNull();
  });

  it('writes the CSV a chunk at a time into one file', async () => {
    const lines = await audit.read({ start, end }, null, 10_000, eventLine({ staffName: () => '李* 1003', windowNumber: (id) => id, serviceName: () => null, areaName: () => null }, hallTimeText('Asia/Shanghai')));
    const file = await auditCsv('operations', day, day, lines);
    const text = file.body.toString('utf8');
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0].startsWith('序号 Seq,')).toBe(true);
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(lines.map((l) => l.id));
    expect(rows[1]).toBe('5001,2026-03-10 00:01:00,叫号与票号,李* 1003（工作人员）,12号窗口 呼叫 K999,李* 1003 (staff),Window 12 called K999');
  });
});
