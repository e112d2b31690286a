import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';

/**
 * A day at the counter over HTTP, as window staff work it. Window 8 serves 不动产查询 (F) first; window 7 serves
 * 抵押登记 (E, service 5) first. Each test opens window 8 (opening an open window changes nothing), issues its own
 * tickets and leaves the window idle.
 */
describe('a ticket through its life, over HTTP', () => {
  let t: TestHall;
  let staff: string;
  let staffId: number;
  const issueF = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body.ticket;
  const at8 = (action: string, body?: unknown) => t.api('POST', `/api/windows/8/${action}`, { cookie: staff, body });
  const waitingF = async () => ((await t.api('GET', '/api/hall', { cookie: staff })).body.waiting as any[]).filter((w) => w.serviceId === 6).map((w) => w.number);

  beforeAll(async () => {
    t = await startHall();
    staff = await t.login('1001');
    staffId = (await t.api('GET', '/api/auth/me', { cookie: staff })).body.staff.id;
  });
  afterAll(async () => t.stop());

  it('opens a window, calls the next visitor, recalls, starts and finishes', async () => {
    const opened = await at8('status', { status: 'open' });
    expect(opened.body).toMatchObject({ number: 8, status: 'open', staffId, staffName: '工作人员01' });
    const ticket = await issueF();
    expect(ticket).toMatchObject({ status: 'waiting', channel: 'kiosk' });

    const called = await at8('call-next');
    expect(called.body).toMatchObject({ number: ticket.number, status: 'called', windowNumber: 8 });
    expect((await at8('recall')).body).toMatchObject({ status: 'called', recalls: 1 });
    expect((await at8('start')).body).toMatchObject({ status: 'serving' });
    const done = await at8('finish');
    expect(done.body).toMatchObject({ number: ticket.number, status: 'done' });
    expect(done.body.finishedAt).toBeGreaterThanOrEqual(done.body.startedAt);

    const hall = (await t.api('GET', '/api/hall', { cookie: staff })).body;
    const window8 = hall.windows.find((w: any) => w.number === 8);
    expect(window8.currentTicket).toBeNull();
    expect(window8.lastTicket.number).toBe(ticket.number);
  });

  it('marks a visitor who does not come as no-show, and re-queues them three places behind the head', async () => {
    await at8('status', { status: 'open' });
    const late = await issueF();
    const others = [await issueF(), await issueF(), await issueF(), await issueF()];
    expect((await at8('call-next')).body.number).toBe(late.number);
    const noShow = await at8('no-show');
    expect(noShow.body).toMatchObject({ number: late.number, status: 'no_show' });

    const requeued = await t.api('POST', `/api/tickets/${late.id}/requeue`, { cookie: staff });
    expect(requeued.body).toMatchObject({ number: late.number, status: 'waiting', requeues: 1 });
    expect(await waitingF()).toEqual([others[0].number, others[1].number, others[2].number, late.number, others[3].number]);
    for (let i = 0; i < 5; i++) {
      await at8('call-next');
      await at8('no-show');
    }
  });

  it('transfers a called ticket to another service, keeping its number and arrival time', async () => {
    await at8('status', { status: 'open' });
    const ticket = await issueF();
    await at8('call-next');
    const moved = await t.api('POST', `/api/tickets/${ticket.id}/transfer`, { cookie: staff, body: { serviceId: 5 } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ number: ticket.number, arrivedAt: ticket.arrivedAt, serviceId: 5, status: 'waiting', channel: 'transfer', visitId: ticket.visitId });
    expect(moved.body.id).not.toBe(ticket.id);

    const hall = (await t.api('GET', '/api/hall', { cookie: staff })).body;
    expect(hall.windows.find((w: any) => w.number === 8).currentTicket).toBeNull();
    expect(hall.waiting.find((w: any) => w.number === ticket.number).serviceId).toBe(5);

    const window7 = await t.openWindow('1007', 7);
    const calledAt7 = await t.api('POST', '/api/windows/7/call-next', { cookie: window7 });
    expect(calledAt7.body).toMatchObject({ number: ticket.number, windowNumber: 7, arrivedAt: ticket.arrivedAt });
  });

  it('calls a specific ticket out of order with a reason, and the audit log shows who did it and why', async () => {
    await at8('status', { status: 'open' });
    const [first, second] = [await issueF(), await issueF()];
    const reason = '老人行动不便，优先办理';
    const called = await at8('call', { ticketId: second.id, reason });
    expect(called.body).toMatchObject({ number: second.number, status: 'called' });
    expect(await waitingF()).toContain(first.number);

    const supervisor = await t.login('S01');
    const events = (await t.api('GET', '/api/events?limit=1000', { cookie: supervisor })).body as any[];
    const audit = events.find((e) => e.type === 'ticket.called' && e.payload.ticket.id === second.id);
    expect(audit).toMatchObject({ actor: { kind: 'staff', staffId, role: 'staff' }, payload: { outOfOrderReason: reason, ticket: { windowId: 8 } } });
    expect(audit.at).toBe(called.body.calledAt);
    const ordinary = events.filter((e) => e.type === 'ticket.called' && e.payload.ticket.id !== second.id);
    expect(ordinary.every((e) => e.payload.outOfOrderReason === null)).toBe(true);
    await at8('no-show');
  });
});
