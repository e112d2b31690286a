import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { startHall } from '../../server/test-hall.js';

/**
 * A report read from the database file by the statistics thread, with the file gone from its place (moved away
 * by hand, an unmounted disk): the report is refused with 503 STORAGE_ERROR saying it could not be read, not that
 * something could not be stored, and the queue goes on (the hall's own connection keeps its open file). When
 * the file is back, reports are answered again.
 */
describe('a report the hall cannot read', () => {
  let t: TestHall;
  let admin: string;
  const report = () => t.api('GET', '/api/stats?from=2026-03-10&to=2026-03-10&by=day', { cookie: admin });

  beforeAll(async () => {
    t = await startHall();
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('is refused as a read, in both languages, while tickets are still issued; it is answered once the file is back', async () => {
    const db = join(t.dir, 'hall.db');
    renameSync(db, `${db}.away`);
    try {
      const refused = await report();
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'STORAGE_ERROR', message: { zh: '数据读取失败，请稍后重试', en: 'The hall could not read its records; please try again' } });
      const ticket = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
      expect(ticket.status).toBe(201);
    } finally {
      renameSync(`${db}.away`, db);
    }
    expect((await report()).status).toBe(200);
  });
});
