import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';

/**
 * The pace the benchmark holds the hub to: a command's own reply first, boards and pads right after, the called
 * visitor's phone at once, other phones at most once per interval (here five seconds, so "at once" shows).
 */
describe('who hears of a call first', () => {
  let t: TestHall;
  let staff: string;
  beforeAll(async () => {
    t = await startTestHall({ overrides: { phoneUpdateMs: 5_000 } });
    staff = await t.openWindow('1001', 8);
  });
  afterAll(async () => t.stop());

  const issueF = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body;

  it('answers the pad that called before any screen hears of the call, and the pad hears of it right after', async () => {
    await issueF();
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: staff });
    await pad.next((m) => m.type === 'snapshot');
    pad.send({ type: 'command', id: 'c1', name: 'callNext', args: { windowId: 8 } });
    const event = await pad.next((m) => m.type === 'event' && m.event.type === 'ticket.called');
    const reply = await pad.next((m) => m.id === 'c1');
    expect(reply.type).toBe('reply');
    expect(pad.messages.indexOf(reply)).toBeLessThan(pad.messages.indexOf(event));
    expect(event.event.ticket.id).toBe(reply.result.id);
    await t.api('POST', '/api/windows/8/no-show', { cookie: staff });
    pad.close();
  });

  it("tells the called visitor's phone at once, though the phones' next pass is seconds away", async () => {
    const mine = await issueF();
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: mine.token } });
    await phone.next((m) => m.type === 'visit');
    // Another ticket starts a pass over the phones; the next may not come for five seconds.
    await issueF();
    const started = performance.now();
    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    expect(called.body.id).toBe(mine.ticket.id);
    const update = await phone.next((m) => m.type === 'visit' && m.data.ticket.status === 'called', 1_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(update.data.window.number).toBe(8);
    await t.api('POST', '/api/windows/8/no-show', { cookie: staff });
    phone.close();
  });

  it('gives a waiting phone one update per interval however many calls come meanwhile', async () => {
    const ahead = [await issueF(), await issueF(), await issueF()];
    const mine = await issueF();
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: mine.token } });
    await phone.next((m) => m.type === 'visit');
    for (let i = 0; i < ahead.length; i++) {
      await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
      await t.api('POST', '/api/windows/8/no-show', { cookie: staff });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const updates = phone.messages.filter((m) => m.type === 'visit');
    // The greeting, then at most one pass: three calls moved this visitor up three places, not three messages.
    expect(updates.length).toBeLessThanOrEqual(2);
    phone.close();
  });
});
