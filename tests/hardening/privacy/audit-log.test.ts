import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { idNumber, startHall } from '../../server/test-hall.js';

describe('the audit log as supervisors read it', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startHall();
  });
  afterAll(async () => t.stop());

  it('shows a real-name visitor masked, without the keyed hash or the birth date', async () => {
    const id = idNumber('19480315', '123');
    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 7, identity: { name: '王建国', idNumber: id } } });
    expect(issued.status).toBe(201);
    const admin = await t.login('admin');
    const events = (await t.api('GET', '/api/events?limit=1000', { cookie: admin })).body as any[];
    const audit = events.find((e) => e.type === 'ticket.issued' && e.payload.ticket.id === issued.body.ticket.id);
    expect(audit.payload.ticket.person).toEqual({ idMasked: expect.stringContaining('*'), nameMasked: expect.stringContaining('*') });
    const text = JSON.stringify(events);
    for (const secret of ['idHash', 'birthDate', '1948-03-15', id, '王建国']) expect(text).not.toContain(secret);
  });
});
