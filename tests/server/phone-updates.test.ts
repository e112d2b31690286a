import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { startHall } from './test-hall.js';

const intervalMs = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A phone follows its visit over the WebSocket: an update whenever what it shows changes (status, window,
 * recalls, people ahead, wait), nothing when it does not, and the view always the one its page gets over HTTP.
 * Window 8 serves 不动产查询 (service 6) first; window 7 抵押登记 (service 5).
 */
describe('a phone following its visit', () => {
  let t: TestHall;
  let staff: string;
  const issueF = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body;
  const at8 = (action: string, body?: unknown) => t.api('POST', `/api/windows/8/${action}`, { cookie: staff, body });
  const visits = (phone: TestSocket) => phone.messages.filter((m) => m.type === 'visit');
  const follow = async (token: string) => {
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: token } });
    await phone.next((m) => m.type === 'visit');
    return phone;
  };
  /**
   * The first visit message after the `count` the phone has had that shows `shows` (a waiting phone may also hear
   * of its people ahead meanwhile).
   */
  const nextVisit = (phone: TestSocket, count: number, shows: (data: any) => boolean) =>
    phone.next((m) => m.type === 'visit' && visits(phone).indexOf(m) >= count && shows(m.data), 3_000);

  beforeAll(async () => {
    t = await startHall({ overrides: { phoneUpdateMs: intervalMs } });
    staff = await t.login('1001');
    await at8('status', { status: 'open' });
  });
  afterAll(async () => t.stop());

  it('hears of each step of its visit, through a transfer to another service, as its page shows it', async () => {
    const mine = await issueF();
    const phone = await follow(mine.token);
    const page = async () => (await t.api('GET', `/api/visits/${mine.token}`)).body;
    const [first] = visits(phone);
    const atFirst = await page();
    expect(first.data).toMatchObject({ kind: 'visit', hall: atFirst.hall, ticket: atFirst.ticket, window: null });

    const steps: [() => Promise<unknown>, (data: any) => boolean][] = [
      [() => at8('call-next'), (d) => d.ticket.status === 'called' && d.ticket.recalls === 0 && d.window?.number === 8],
      [() => at8('recall'), (d) => d.ticket.status === 'called' && d.ticket.recalls === 1],
      [() => at8('start'), (d) => d.ticket.status === 'serving'],
      [() => t.api('POST', `/api/tickets/${mine.ticket.id}/transfer`, { cookie: staff, body: { serviceId: 5 } }),
        (d) => d.ticket.id !== mine.ticket.id && d.ticket.status === 'waiting' && d.ticket.serviceId === 5 && d.window === null],
    ];
    for (const [act, shows] of steps) {
      const count = visits(phone).length;
      await act();
      const update = await nextVisit(phone, count, shows);
      const now = await page();
      expect({ ...update.data, forecast: null }).toEqual({ ...now, forecast: null });
    }
    const leg = visits(phone).at(-1).data.ticket;
    expect(leg).toMatchObject({ number: mine.ticket.number, channel: 'transfer', visitId: mine.ticket.visitId });

    const window7 = await t.openWindow('1007', 7);
    for (const [action, status] of [['call-next', 'called'], ['start', 'serving'], ['finish', 'done']]) {
      const count = visits(phone).length;
      await t.api('POST', `/api/windows/7/${action}`, { cookie: window7 });
      const update = await nextVisit(phone, count, (d) => d.ticket.status === status);
      expect(update.data.ticket.id).toBe(leg.id);
      expect(update.data.window.number).toBe(7);
    }
    phone.close();
  });

  it('hears that it moved up when a number ahead of it is called, though nothing happened to its own ticket', async () => {
    await issueF();
    const mine = await issueF();
    const phone = await follow(mine.token);
    const ahead = await nextVisit(phone, 0, (d) => d.forecast !== null);
    expect(ahead.data.forecast.position).toBeGreaterThan(0);
    const count = visits(phone).length;
    await at8('call-next');
    const moved = await nextVisit(phone, count, (d) => d.forecast?.position === ahead.data.forecast.position - 1);
    expect(moved.data.ticket).toMatchObject({ id: mine.ticket.id, status: 'waiting' });
    phone.close();
    // Window 8 left as it was found: nobody called, nobody waiting.
    for (const action of ['no-show', 'call-next', 'no-show']) expect((await at8(action)).status).toBe(200);
  });

  it('says nothing to the phone of a finished visit while others are called, and sends every phone a renamed hall', async () => {
    const done = await issueF();
    const donePhone = await follow(done.token);
    await at8('call-next');
    await at8('start');
    await at8('finish');
    await donePhone.next((m) => m.type === 'visit' && m.data.ticket.status === 'done');
    const heard = visits(donePhone).length;

    const waiting = [await issueF(), await issueF()];
    const waitingPhone = await follow(waiting[1].token);
    await at8('call-next');
    await at8('no-show');
    await sleep(3 * intervalMs);
    expect(visits(donePhone)).toHaveLength(heard);

    const admin = await t.login('admin');
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const name = { zh: '新区"政务"服务中心\\', en: 'New District "Service" Centre' };
    const count = [visits(donePhone).length, visits(waitingPhone).length];
    expect((await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, name } })).status).toBe(200);
    for (const [i, phone] of [donePhone, waitingPhone].entries()) {
      await nextVisit(phone, count[i], (d) => d.hall.name.zh === name.zh && d.hall.name.en === name.en);
    }
    expect(visits(donePhone).at(-1).data.ticket.status).toBe('done');
    expect(visits(waitingPhone).at(-1).data.ticket.status).toBe('waiting');
    await t.api('PUT', '/api/settings', { cookie: admin, body: settings });
    donePhone.close();
    waitingPhone.close();
  });
});
